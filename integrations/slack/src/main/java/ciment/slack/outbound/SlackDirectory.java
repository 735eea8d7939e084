package ciment.slack.outbound;

import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a slash command names. With "escape channels, users, and links" on, Slack sends an
 * @mention as {@code <@U123|ada>} (or {@code <@U123>}); it names a user of the workspace the command
 * came from. Anything else, a plain "@ada" included, names nobody: Ciment then says so in one sentence.
 * Someone mentioned who never used Ciment is introduced by users.info, as a command's sender is.
 */
public final class SlackDirectory implements Directory {
    /** A user id (U…, or W… on Enterprise Grid), then the name Slack adds after a bar. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^<>]*)?>");

    private final SlackIntroductions.ForCommand lookups;

    /** @param workspace the command's team_id (nobody is introduced) */
    public SlackDirectory(String workspace) {
        this(SlackIntroductions.NONE.forCommand(new SlackOrigin(workspace, null)));
    }

    public SlackDirectory(SlackIntroductions.ForCommand lookups) {
        this.lookups = lookups;
    }

    @Override
    public Optional<ChatAccount> accountOf(String mention) {
        String workspace = lookups.origin().teamId();
        if (mention == null || workspace == null || workspace.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = MENTION.matcher(mention.strip());
        return matcher.matches()
                ? Optional.of(new ChatAccount(Platform.SLACK, workspace, matcher.group(1)))
                : Optional.empty();
    }

    /** Each person a text @mentions, once, as the first mention of them was written ({@code <@U123|ada>}). */
    @Override
    public List<String> mentionsIn(String text) {
        if (text == null) {
            return List.of();
        }
        Map<String, String> byUser = new LinkedHashMap<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            byUser.putIfAbsent(matcher.group(1), matcher.group());
        }
        return List.copyOf(byUser.values());
    }

    /** Only accounts of the command's workspace are asked about: the ones its mentions name. */
    @Override
    public Optional<Introduction> introduce(ChatAccount account) {
        if (account.platform() != Platform.SLACK || !account.workspace().equals(lookups.origin().teamId())) {
            return Optional.empty();
        }
        return lookups.mentioned(account.userId());
    }
}
