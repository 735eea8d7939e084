package ciment.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A setting that lists who may (workspaces, tenants): ids separated by commas, compared without regard to
 * case; {@code *}, unset or empty allows any.
 *
 * @param ids in lower case; empty: any
 */
public record AllowList(Set<String> ids) {

    public static AllowList of(Settings settings, String name) {
        return parse(settings.get(name, ""));
    }

    public static AllowList parse(String listed) {
        Set<String> ids = Arrays.stream(listed.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return new AllowList(ids.contains("*") ? Set.of() : ids);
    }

    public boolean allowsAny() {
        return ids.isEmpty();
    }

    /** Whether this id is allowed (no id: only when any is). */
    public boolean allows(String id) {
        return ids.isEmpty() || id != null && ids.contains(id.toLowerCase(Locale.ROOT));
    }
}
