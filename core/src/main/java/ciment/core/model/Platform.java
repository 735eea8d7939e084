package ciment.core.model;

/** The chat tools Ciment lives in. */
public enum Platform {
    SLACK("Slack"),
    TEAMS("Teams");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Lower-case form used in keys and ids. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
