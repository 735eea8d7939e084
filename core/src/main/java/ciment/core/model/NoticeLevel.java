package ciment.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person is told on their own (notices all|mentions|none): follow-ups of the threads they follow and
 * @mentions, only @mentions, or neither. Everyone starts with ALL.
 */
public enum NoticeLevel {
    ALL, MENTIONS, NONE;

    /** The word that says it in commands and in the table ("all", "mentions", "none"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level an English word says; empty for any other word. */
    public static Optional<NoticeLevel> of(String word) {
        for (NoticeLevel level : values()) {
            if (level.word().equals(word)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Whether replies, answers and edits in the threads they follow are told. */
    public boolean followUps() {
        return this == ALL;
    }

    /** Whether their @mentions are told. */
    public boolean mentions() {
        return this != NONE;
    }
}
