package ciment.slack.outbound;

import ciment.core.i18n.Message;
import ciment.core.model.Introduction;
import ciment.core.model.Refusal;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack says about a user (users.info), as Ciment's {@link Introduction}: the name people see, the
 * email address that links one person's Slack and Teams accounts (given only with the users:read.email
 * scope; without it the account stays unlinked), whether the user is a guest, and the workspace and
 * Enterprise Grid organisation they belong to (which CIMENT_TRUSTED_DOMAINS may trust for the address). Asked at a person's
 * first command, by whoami, and for someone a steward invites. The client has a short call timeout and
 * a command makes one call at most, so a slow Slack never costs the 3-second answer.
 */
public final class SlackIntroductions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackIntroductions.class);

    /** No bot token: Slack is never asked. */
    static final SlackIntroductions NONE = new SlackIntroductions(BotClient.fixed(null));

    private final BotClient bot;

    /** @param client a Web API client with the bot token, or null when there is no token (no lookup) */
    public SlackIntroductions(MethodsClient client) {
        this(BotClient.fixed(client));
    }

    /** With the bot token of each request's workspace (OAuth mode). */
    public SlackIntroductions(BotClient bot) {
        this.bot = bot;
    }

    /** The lookups of one command, which come from {@code origin}. */
    public ForCommand forCommand(SlackOrigin origin) {
        return new ForCommand(origin);
    }

    /**
     * One command's lookups: users.info is called once at most, so the command waits for Slack no longer
     * than one call timeout. Used by one thread.
     */
    public final class ForCommand {
        private final SlackOrigin origin;
        private boolean asked;
        private Introduction sender;

        private ForCommand(SlackOrigin origin) {
            this.origin = origin;
        }

        SlackOrigin origin() {
            return origin;
        }

        /**
         * The command's sender (asked once however often core needs it). Without a bot token Slack cannot be
         * asked: the user name the command carried, no email, not a guest. With one, a lookup that fails or
         * is too slow refuses the command (nothing is written): meeting a guest as an employee would show
         * them every community, so Ciment does not guess.
         */
        public Introduction sender(String userId, String userName) {
            if (sender == null) {
                if (bot.get() == null) {
                    sender = Introduction.named(userName);
                } else {
                    sender = ask(userId, userName).orElseThrow(() -> new Refusal(
                            Message.of("slack.introduction.failed")));
                }
            }
            return sender;
        }

        /**
         * Someone the command mentions, or empty when Slack cannot say, or was asked already in this
         * command (a sender's first command that also invites a newcomer: sent again, it gets through).
         */
        Optional<Introduction> mentioned(String userId) {
            return ask(userId, null);
        }

        private Optional<Introduction> ask(String userId, String fallbackName) {
            MethodsClient client = bot.get();
            if (client == null || asked) {
                return Optional.empty();
            }
            asked = true;
            try {
                UsersInfoResponse info = client.usersInfo(r -> r.user(userId).includeLocale(true));
                if (info.isOk() && info.getUser() != null) {
                    return Optional.of(introduction(info.getUser(), origin, fallbackName));
                }
                LOG.warn("users.info for {} answered {}", userId, info.getError());
            } catch (Exception e) {
                LOG.warn("users.info for {} failed ({})", userId, e.toString());
            }
            return Optional.empty();
        }
    }

    /**
     * @param fallbackName the name when the profile has none (the command's user name); null: the
     *                     user's Slack handle
     */
    public static Introduction introduction(User user, SlackOrigin origin, String fallbackName) {
        String name = nameOf(user);
        if (name == null) {
            name = fallbackName != null ? fallbackName : user.getName();
        }
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        return new Introduction(name, Optional.ofNullable(email), guest(user, origin), organisationsOf(user),
                Optional.ofNullable(user.getLocale()));
    }

    /**
     * The organisations Slack says the user belongs to: their own workspace (team_id) and, on Enterprise Grid,
     * their organisation (enterprise_user.enterprise_id). CIMENT_TRUSTED_DOMAINS may name either.
     */
    static List<String> organisationsOf(User user) {
        List<String> ids = new ArrayList<>();
        if (!isBlank(user.getTeamId())) {
            ids.add(user.getTeamId());
        }
        if (user.getEnterpriseUser() != null && !isBlank(user.getEnterpriseUser().getEnterpriseId())) {
            ids.add(user.getEnterpriseUser().getEnterpriseId());
        }
        return ids;
    }

    /**
     * A guest: a multi- or single-channel guest of the workspace, a stranger, or a Slack Connect user from
     * another organisation, whose own workspace is not the one the command came from.
     */
    static boolean guest(User user, SlackOrigin origin) {
        return user.isRestricted() || user.isUltraRestricted() || user.isStranger() || fromElsewhere(user, origin);
    }

    /** On Enterprise Grid, a colleague from another workspace of the same organisation is not a guest. */
    private static boolean fromElsewhere(User user, SlackOrigin origin) {
        String home = user.getTeamId();
        if (isBlank(home) || home.equals(origin.teamId())) {
            return false;
        }
        String enterprise = origin.enterpriseId();
        if (isBlank(enterprise)) {
            return true;
        }
        boolean sameOrganisation = home.equals(enterprise)
                || (user.getEnterpriseUser() != null && enterprise.equals(user.getEnterpriseUser().getEnterpriseId()));
        return !sameOrganisation;
    }

    private static String nameOf(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && !isBlank(profile.getDisplayName())) {
            return profile.getDisplayName();
        }
        if (!isBlank(user.getRealName())) {
            return user.getRealName();
        }
        return profile != null && !isBlank(profile.getRealName()) ? profile.getRealName() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
