package ciment.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The chat tool's directory: which account an @mention names, in the tool's own syntax (Slack's
 * {@code <@U123|ada>}, a Teams {@code <at>Ada</at>} with its mention entity), and what the tool says
 * about an account Ciment has not met yet. Only adapters know it.
 */
public interface Directory {
    Directory NONE = mention -> Optional.empty();

    Optional<ChatAccount> accountOf(String mention);

    /**
     * The @mentions of people in a post's text, in the tool's own syntax, each as {@link #accountOf} takes it
     * (in order, without repeats). Mentions by email address ({@code @ada@example.com}) Ciment reads itself.
     */
    default List<String> mentionsIn(String text) {
        return List.of();
    }

    /** What the chat tool says about an account (to invite someone who never used Ciment). */
    default Optional<Introduction> introduce(ChatAccount account) {
        return Optional.empty();
    }
}
