package ciment.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Slack user's name as people see it: the profile's display name, else the real name (users.info),
 * else the user name the slash command carried. Asked only for a person's first command; the client
 * has a short call timeout, so a slow Slack never costs the 3-second answer.
 */
final class DisplayNames {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayNames.class);

    private final MethodsClient client;

    /** @param client a Web API client with the bot token, or null when there is no token (no lookup) */
    DisplayNames(MethodsClient client) {
        this.client = client;
    }

    String of(String userId, String fallback) {
        if (client == null) {
            return fallback;
        }
        try {
            UsersInfoResponse info = client.usersInfo(r -> r.user(userId));
            if (info.isOk() && info.getUser() != null) {
                String name = nameOf(info.getUser());
                return name == null ? fallback : name;
            }
            LOG.warn("users.info for {} answered {}; using the name in the command", userId, info.getError());
        } catch (Exception e) {
            LOG.warn("users.info for {} failed ({}); using the name in the command", userId, e.toString());
        }
        return fallback;
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
