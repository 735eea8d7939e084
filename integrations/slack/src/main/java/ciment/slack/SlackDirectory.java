package ciment.slack;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.service.Directory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a slash command names. With "escape channels, users, and links" on, Slack sends an
 * @mention as {@code <@U123|ada>} (or {@code <@U123>}); it names a user of the workspace the command
 * came from. Anything else, a plain "@ada" included, names nobody: Ciment then says so in one sentence.
 */
final class SlackDirectory implements Directory {
    /** A user id (U…, or W… on Enterprise Grid), then the name Slack adds after a bar. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^<>]*)?>");

    private final String workspace;

    /** @param workspace the command's team_id */
    SlackDirectory(String workspace) {
        this.workspace = workspace;
    }

    @Override
    public Optional<ChatAccount> accountOf(String mention) {
        if (mention == null || workspace == null || workspace.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = MENTION.matcher(mention.strip());
        return matcher.matches()
                ? Optional.of(new ChatAccount(Platform.SLACK, workspace, matcher.group(1)))
                : Optional.empty();
    }
}
