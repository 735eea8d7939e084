package ciment.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A setting that lists who may (workspaces, tenants): ids separated by commas, compared without regard to
 * case. It fails closed: only {@code *}, written on purpose, allows any; an empty list allows nobody, and a
 * deployed function refuses to start on one ({@link #required}).
 *
 * @param any whether {@code *} was listed
 * @param ids in lower case
 */
public record AllowList(boolean any, Set<String> ids) {
    public static final String ANY = "*";

    /** The list the setting names; unset or empty, nobody is allowed. */
    public static AllowList of(Settings settings, String name) {
        return parse(settings.get(name, ""));
    }

    /** The list the setting names, which must not be empty: an operator decides who, or writes {@code *}. */
    public static AllowList required(Settings settings, String name) {
        AllowList list = of(settings, name);
        if (!list.any && list.ids.isEmpty()) {
            throw new IllegalStateException(name + " is empty: list the ids allowed (comma-separated), or " + ANY
                    + " to allow any; nothing is served until it is set.");
        }
        return list;
    }

    public static AllowList parse(String listed) {
        Set<String> ids = Arrays.stream(listed.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return ids.contains(ANY) ? new AllowList(true, Set.of()) : new AllowList(false, ids);
    }

    public boolean allowsAny() {
        return any;
    }

    /** Whether this id is allowed (no id: only when any is). */
    public boolean allows(String id) {
        return any || id != null && ids.contains(id.toLowerCase(Locale.ROOT));
    }
}
