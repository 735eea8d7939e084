package ciment.devkit.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What Slack sends as a slash command's {@code text} for what a person typed after {@code /ciment}, as the app's
 * manifest (integrations/slack/manifest.yaml, copied into this jar) configures the command. With
 * {@code should_escape: true} Slack escapes {@code &}, {@code <} and {@code >} as {@code &amp;}, {@code &lt;} and
 * {@code &gt;}, and turns what it recognises into markup: a person it knows ({@code @Carol}) into
 * {@code <@U0CAROL|carol>}, a channel ({@code #general}) into {@code <#C0GENERAL1|general>}, {@code @here},
 * {@code @channel} and {@code @everyone} into {@code <!here>} ..., an email address into
 * {@code <mailto:theo@example.com|theo@example.com>}, a web address into {@code <https://x.example/?a=1&amp;b=2>}
 * (typed without its scheme, {@code <http://www.x.example|www.x.example>}). A name it does not know stays as
 * typed. Without escaping, the text is sent as typed. Tests type as people do; this class escapes, so that what
 * passes the fake is what the real Slack sends.
 */
public final class SlackTyping {
    /** The manifest as this jar holds it (devkit's pom copies it from integrations/slack at build time). */
    static final String MANIFEST = "ciment/slack/manifest.yaml";

    /** The people and channels Slack can name in the text. */
    public interface Names {
        /** The user whose name, display name or real name this is (case ignored); empty for nobody. */
        Optional<FakeSlackApi.User> userNamed(String name);

        /** The id of the channel with this name; empty for none. */
        Optional<String> channelNamed(String name);
    }

    /** The channel slash commands come from by default ({@link SlashCommands#command}); nobody is known. */
    public static final Names ONLY_GENERAL = new Names() {
        @Override
        public Optional<FakeSlackApi.User> userNamed(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> channelNamed(String name) {
            return name.equals(SlashCommands.DEFAULT_CHANNEL_NAME) ? Optional.of(SlashCommands.DEFAULT_CHANNEL_ID)
                    : Optional.empty();
        }
    };

    private static final Set<String> SPECIAL = Set.of("here", "channel", "everyone");
    /** Up to this many words after an @ are tried as a name (display names hold spaces: "@Ada Lovelace"). */
    private static final int NAME_WORDS = 4;
    /** Punctuation that ends a sentence rather than a link or a name. */
    private static final String TRAILING = ".,;:!?)]}'\"";
    private static final Pattern RECOGNISED = Pattern.compile(
            // A | ends an address: inside one it would read as the start of the link's label.
            "(?<url>https?://[^\\s<>|]+)"
                    + "|(?<www>(?<![\\w.@/])www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+[^\\s<>|]*)"
                    + "|(?<email>(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
                    + "|(?<mention>(?<![\\w.])@(?<name>[^\\s@<>&]+(?:[ \\t][^\\s@<>&]+){0," + (NAME_WORDS - 1) + "}))"
                    + "|(?<channel>(?<![\\w&])#(?<channelName>[a-z0-9][a-z0-9._-]*))");

    private final boolean escape;
    private final Names names;

    public SlackTyping(boolean escape, Names names) {
        this.escape = escape;
        this.names = names;
    }

    /** As the manifest configures the command, with these people and channels known. */
    public static SlackTyping asManifestSays(Names names) {
        return new SlackTyping(manifestEscapes(), names);
    }

    /** The manifest's {@code should_escape} for {@code /ciment}. */
    @SuppressWarnings("unchecked")
    public static boolean manifestEscapes() {
        try (InputStream in = SlackTyping.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is missing from the classpath");
            }
            Map<String, Object> manifest = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> features = (Map<String, Object>) manifest.get("features");
            List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
            return commands.stream().filter(command -> SlashCommands.COMMAND.equals(command.get("command")))
                    .findFirst().map(command -> Boolean.TRUE.equals(command.get("should_escape")))
                    .orElseThrow(() -> new IllegalStateException("the manifest has no " + SlashCommands.COMMAND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean escapes() {
        return escape;
    }

    /** The {@code text} Slack sends for what the person typed. */
    public String sent(String typed) {
        if (!escape || typed == null) {
            return typed;
        }
        StringBuilder sent = new StringBuilder(typed.length() + 16);
        Matcher found = RECOGNISED.matcher(typed);
        int done = 0;
        while (found.find(done)) {
            Replacement replacement = markup(found);
            if (replacement == null) {
                // Not something Slack knows: its first character is text, and the search goes on after it.
                sent.append(entities(typed.substring(done, found.start() + 1)));
                done = found.start() + 1;
                continue;
            }
            sent.append(entities(typed.substring(done, found.start()))).append(replacement.markup());
            done = found.start() + replacement.length();
        }
        return sent.append(entities(typed.substring(done))).toString();
    }

    /** The markup for what was found and how many characters of the typed text it stands for; null: none. */
    private Replacement markup(Matcher found) {
        if (found.group("url") != null) {
            String url = withoutTrailing(found.group("url"));
            return new Replacement("<" + entities(url) + ">", url.length());
        }
        if (found.group("www") != null) {
            String host = withoutTrailing(found.group("www"));
            return new Replacement("<http://" + entities(host) + "|" + entities(host) + ">", host.length());
        }
        if (found.group("email") != null) {
            String email = found.group("email");
            return new Replacement("<mailto:" + email + "|" + email + ">", email.length());
        }
        if (found.group("mention") != null) {
            return mention(found.group("name"));
        }
        String channel = withoutTrailing(found.group("channelName"));
        return names.channelNamed(channel)
                .map(id -> new Replacement("<#" + id + "|" + channel + ">", channel.length() + 1))
                .orElse(null);
    }

    /** The longest run of words after the @ that names someone (or here, channel, everyone). */
    private Replacement mention(String words) {
        String[] parts = words.split("[ \\t]");
        for (int count = parts.length; count > 0; count--) {
            String candidate = withoutTrailing(String.join(" ", List.of(parts).subList(0, count)));
            String special = candidate.toLowerCase(Locale.ROOT);
            if (count == 1 && SPECIAL.contains(special)) {
                return new Replacement("<!" + special + ">", candidate.length() + 1);
            }
            // Words were split on single blanks or tabs, and joined with one: the candidate is as long as typed.
            Optional<FakeSlackApi.User> user = candidate.isEmpty() ? Optional.empty() : names.userNamed(candidate);
            if (user.isPresent()) {
                return new Replacement("<@" + user.get().id() + "|" + handle(user.get()) + ">", candidate.length() + 1);
            }
        }
        return null;
    }

    /** The name Slack shows after the | of a mention: the user's handle, lower case and without blanks. */
    private static String handle(FakeSlackApi.User user) {
        return FakeSlackApi.nameOf(user).toLowerCase(Locale.ROOT).replace(' ', '.');
    }

    private static String withoutTrailing(String text) {
        int end = text.length();
        while (end > 0 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The three characters Slack escapes in text. */
    private static String entities(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record Replacement(String markup, int length) {
    }
}
