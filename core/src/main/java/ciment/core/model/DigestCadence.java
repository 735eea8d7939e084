package ciment.core.model;

/** How often a person gets the digest: weekly (on Mondays), daily, or never. */
public enum DigestCadence {
    WEEKLY,
    DAILY,
    OFF;

    /** How it is said in a sentence: "digest.cadence.weekly". */
    public String key() {
        return "digest.cadence." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The words people type for it, "|" between them: "digest.word.weekly" ("hebdo|hebdomadaire"). */
    public String wordsKey() {
        return "digest.word." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
