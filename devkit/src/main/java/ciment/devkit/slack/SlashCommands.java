package ciment.devkit.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Slash commands as Slack sends them: the form body of {@code /ciment <text>} and its signed headers,
 * at any time, so that tests can also forge stale or future-dated ones. Tests give the text as the person
 * types it; it is sent as the manifest's {@code should_escape} makes Slack send it ({@link SlackTyping}).
 */
public final class SlashCommands {
    public static final String COMMAND = "/ciment";
    /** The channel commands come from unless a test says another ({@link Command#inChannel}). */
    public static final String DEFAULT_CHANNEL_ID = "C0GENERAL1";
    public static final String DEFAULT_CHANNEL_NAME = "general";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String FORM = "application/x-www-form-urlencoded";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SlackSigner signer;
    private final String teamId;
    private final SlackTyping typing;

    /** Commands whose text names no one Slack knows (an @name stays as typed), and only the channel #general. */
    public SlashCommands(String signingSecret, String teamId) {
        this(signingSecret, teamId, SlackTyping.ONLY_GENERAL);
    }

    /** Commands whose @names and #channels Slack finds among these (a {@link FakeSlackApi}'s users and channels). */
    public SlashCommands(String signingSecret, String teamId, SlackTyping.Names names) {
        this.signer = new SlackSigner(signingSecret);
        this.teamId = teamId;
        this.typing = SlackTyping.asManifestSays(names);
    }

    /**
     * {@code /ciment <typed>} typed by this user in #general, with a trigger id of its own; the text is what Slack
     * sends for what was typed (escaped, with mentions and links as markup, when the manifest asks for it).
     */
    public Command command(String userId, String userName, String typed) {
        return new Command(teamId, "ciment-test", DEFAULT_CHANNEL_ID, DEFAULT_CHANNEL_NAME, userId, userName, COMMAND,
                typing.sent(typed), newTriggerId(), "https://hooks.slack.com/commands/" + teamId + "/1/" + hex(12));
    }

    /** The command's body, signed as Slack would sign it at {@code at}. */
    public Signed sign(Command command, Instant at) {
        return sign(command.formBody(), at.getEpochSecond());
    }

    public Signed sign(String body, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", FORM);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(SIGNATURE_HEADER, signer.sign(timestamp, body));
        return new Signed(body, Map.copyOf(headers));
    }

    /** Slack's trigger ids look like {@code 398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c}. */
    public static String newTriggerId() {
        return Math.abs(RANDOM.nextLong() % 1_000_000_000_000L) + "." + Math.abs(RANDOM.nextLong() % 100_000_000_000L)
                + "." + hex(16);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The fields of a slash command request, in the order Slack sends them. */
    public record Command(String teamId, String teamDomain, String channelId, String channelName, String userId,
                          String userName, String command, String text, String triggerId, String responseUrl) {

        /** The same command with this text, sent as it is given (no escaping: for tests of what Slack sends). */
        public Command withText(String newText) {
            return new Command(teamId, teamDomain, channelId, channelName, userId, userName, command, newText,
                    triggerId, responseUrl);
        }

        public Command withTriggerId(String newTriggerId) {
            return new Command(teamId, teamDomain, channelId, channelName, userId, userName, command, text,
                    newTriggerId, responseUrl);
        }

        public Command inChannel(String newChannelId, String newChannelName) {
            return new Command(teamId, teamDomain, newChannelId, newChannelName, userId, userName, command, text,
                    triggerId, responseUrl);
        }

        /** The application/x-www-form-urlencoded body, as Slack posts it. */
        public String formBody() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("token", "legacy-verification-token");
            fields.put("team_id", teamId);
            fields.put("team_domain", teamDomain);
            fields.put("channel_id", channelId);
            fields.put("channel_name", channelName);
            fields.put("user_id", userId);
            fields.put("user_name", userName);
            fields.put("command", command);
            fields.put("text", text);
            fields.put("api_app_id", "A0CIMENT01");
            fields.put("is_enterprise_install", "false");
            fields.put("response_url", responseUrl);
            fields.put("trigger_id", triggerId);
            StringJoiner body = new StringJoiner("&");
            fields.forEach((name, value) -> body.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return body.toString();
        }
    }

    /** A body and the headers Slack sends with it. */
    public record Signed(String body, Map<String, String> headers) {
        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        public Signed withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Signed(body, Map.copyOf(copy));
        }

        public Signed withoutHeader(String name) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.remove(name);
            return new Signed(body, Map.copyOf(copy));
        }
    }
}
