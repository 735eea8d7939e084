package ciment.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration by name, as CONTRACT.md lists it (CIMENT_TABLE, AWS_ENDPOINT_URL, SLACK_SIGNING_SECRET ...).
 * Lambda reads the process environment; the local runner and tests build their own.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** The value, or empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** The value, or a failure naming what is missing (a deployment mistake, so it stops the function). */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(name + " is not set: see CONTRACT.md's configuration table."));
    }

    /** The names that have a value, for settings found by pattern (such as secrets named by *_ARN). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String name : values.keySet()) {
            if (get(name).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }

    public Settings with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Settings(copy);
    }

    public Settings with(Map<String, String> more) {
        Map<String, String> copy = new HashMap<>(values);
        copy.putAll(more);
        return new Settings(copy);
    }

    /** The table name (CIMENT_TABLE, default "ciment"). */
    public String table() {
        return get("CIMENT_TABLE", "ciment");
    }
}
