package ciment.devkit.slack;

import ciment.devkit.slack.FakeSlackApi.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The people and channels a test made known: users.info answers for them, slash commands name them. */
final class SlackUsers implements SlackTyping.Names {
    private final String teamId;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    /** Channel names to ids, for the slash commands' text ({@link SlackTyping}): #general is there from the start. */
    private final Map<String, String> channels = new ConcurrentHashMap<>(
            Map.of(SlashCommands.DEFAULT_CHANNEL_NAME, SlashCommands.DEFAULT_CHANNEL_ID));

    SlackUsers(String teamId) {
        this.teamId = teamId;
    }

    void add(User user) {
        users.put(user.id(), user);
    }

    void addChannel(String id, String name) {
        channels.put(name, id);
    }

    @Override
    public Optional<User> userNamed(String name) {
        return users.values().stream().filter(user -> Stream.of(FakeSlackApi.nameOf(user), user.displayName(),
                user.realName()).anyMatch(name::equalsIgnoreCase)).findFirst();
    }

    @Override
    public Optional<String> channelNamed(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    Map<String, Object> info(String userId, boolean includeLocale) {
        User user = userId == null ? null : users.get(userId);
        if (user == null) {
            return Map.of("ok", false, "error", "user_not_found");
        }
        // Slack leaves out the email when the app lacks users:read.email (or the user has none).
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("real_name", user.realName());
        profile.put("display_name", user.displayName());
        if (user.email() != null) {
            profile.put("email", user.email());
        }
        profile.put("image_72", FakeSlackApi.pictureOf(user.id()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", user.id());
        answer.put("team_id", user.teamId() == null ? teamId : user.teamId());
        answer.put("name", FakeSlackApi.nameOf(user));
        answer.put("real_name", user.realName());
        answer.put("is_bot", false);
        answer.put("is_restricted", user.restricted());
        answer.put("is_ultra_restricted", user.ultraRestricted());
        if (user.stranger()) {
            answer.put("is_stranger", true);
        }
        answer.put("profile", profile);
        if (includeLocale) {
            answer.put("locale", user.locale());
        }
        return Map.of("ok", true, "user", answer);
    }
}
