package ciment.core.service;

import ciment.core.model.ChatAccount;
import java.util.Optional;

/**
 * The chat tool's directory: which account an @mention names, in the tool's own syntax (Slack's
 * {@code <@U123|ada>}, a Teams {@code <at>Ada</at>} with its mention entity). Only adapters know it.
 */
@FunctionalInterface
public interface Directory {
    Directory NONE = mention -> Optional.empty();

    Optional<ChatAccount> accountOf(String mention);
}
