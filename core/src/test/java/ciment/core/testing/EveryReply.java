package ciment.core.testing;

import ciment.core.i18n.Message;
import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.reply.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Every kind of answer Ciment gives, drawn with the same typed text wherever typed text goes (a post's words,
 * a reply's, a latest reply's preview, a purpose, tags, roles and skills, a hidden post's reason, a search's
 * words) and the same name for every person, with lists as long as Ciment makes them (20 posts a page, 25
 * people, 20 audit entries...): for the tests of each chat tool's rendering (hostile text, sizes).
 *
 * @param replies  each answer by what it is
 * @param root     a thread's first post, with its replies counted
 * @param reply    one of its replies
 * @param community the community every answer is about
 */
public record EveryReply(Map<String, Reply> replies, Post root, Post reply, Community community) {
    public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    /** 40 characters: the longest slug. */
    public static final Slug SLUG = new Slug("a-community-slug-of-the-longest-length-x");
    public static final String ROOT = "01JD0000000000000000000000";
    public static final List<ChatAccount> ACCOUNTS = List.of(new ChatAccount(Platform.TEAMS, "tenant-every", "aad-1"),
            new ChatAccount(Platform.SLACK, "T0EVERY", "U0EVERY"));

    /**
     * @param words     what people typed as words
     * @param name      the display name of every person
     * @param replies   how many replies the thread has
     * @param reactions how many kinds of reactions each post has (50: the longest lines)
     */
    public static EveryReply of(String words, String name, int replies, int reactions) {
        Map<String, Reply> answers = new LinkedHashMap<>();
        Person person = new Person("p-1", name);
        String purpose = cut(words, Text.PURPOSE_MAX);
        String topic = cut(words, 60);
        List<String> tags = IntStream.range(0, 20).mapToObj(i -> topic).toList();
        Community community = new Community("c1", SLUG, SLUG.displayName(), purpose, tags, false, false, 12, 3, "p-1",
                AT);
        String preview = Post.reply("01JE0000000000000000000000", ROOT, "c1", SLUG, "p-2", name, Platform.SLACK, words,
                AT).preview();
        List<Post> page = IntStream.range(0, 20).mapToObj(i -> post(String.format("01JD%022d", i + 1), name, words)
                .withReplies(7, preview).withReactions(reactions(reactions))).toList();
        Post root = post(ROOT, name, words).withReplies(replies, replies == 0 ? null : preview)
                .withReactions(reactions(reactions));
        List<Post> thread = IntStream.range(0, replies).mapToObj(i -> Post.reply(String.format("01JF%022d", i + 1), ROOT,
                "c1", SLUG, "p-2", name, Platform.TEAMS, words, AT).withReactions(reactions(reactions))).toList();
        Post reply = thread.isEmpty() ? Post.reply("01JF0000000000000000000001", ROOT, "c1", SLUG, "p-2", name,
                Platform.TEAMS, words, AT) : thread.get(0);

        answers.put("feed", new Reply.Feed(SLUG.value(), page, "", "feed " + SLUG + " --before 01JD", false));
        answers.put("home feed", new Reply.Feed("", page, "", "feed --before 01JD", false));
        answers.put("thread", new Reply.Thread(root, thread));
        answers.put("questions", new Reply.Posts(Message.of("core.questions.title", SLUG), page, Message.verbatim("")));
        answers.put("posted", new Reply.Posted(root));
        answers.put("posted reply", new Reply.Posted(reply));
        List<Reply.Listed> listed = IntStream.range(0, 20).mapToObj(i -> new Reply.Listed(community, i % 2 == 0)).toList();
        answers.put("communities", new Reply.CommunityList(words, listed,
                IntStream.range(0, 5).mapToObj(i -> new Reply.Listed(community, false)).toList(), 40));
        List<Person> stewards = IntStream.range(0, 20).mapToObj(i -> new Person("p-" + i, name)).toList();
        answers.put("info", new Reply.Info(community, stewards, Reply.Standing.STEWARD, Map.of()));
        answers.put("requests", new Reply.Requests(SLUG.value(), IntStream.range(0, 50).mapToObj(i -> new JoinRequest(
                "c1", SLUG, "p-" + i, name, AT)).toList(), Map.of()));
        answers.put("whoami", new Reply.Me(new Profile(person, tags, tags, Optional.of("ada@example.com")), ACCOUNTS));
        answers.put("who", new Reply.Who(topic, IntStream.range(0, 25).mapToObj(i -> new Reply.Found(person, ACCOUNTS))
                .toList(), IntStream.range(0, 20).mapToObj(i -> community).toList()));
        answers.put("audit", new Reply.Audit(SLUG.value(), IntStream.range(0, 20).mapToObj(i -> new AuditEntry("a" + i,
                "c1", "hid", "#" + ROOT, "p-1", name, purpose, AT)).toList()));
        answers.put("costs", new Reply.Costs(YearMonth.of(2026, 11), IntStream.range(0, 300).mapToObj(i ->
                new Reply.CommunityCost(SLUG.value(), BigDecimal.ONE, List.of(new Reply.ServiceCost("AWS Lambda",
                        BigDecimal.ONE)), Optional.of(BigDecimal.TEN))).toList(), Optional.empty(), BigDecimal.TEN,
                "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/lambda/pricing/"), true,
                Optional.of("https://ciment.example/costs/chart.svg"), Optional.of("https://ciment.example/costs")));
        answers.put("refused", new Reply.Refused(words));
        answers.put("done", new Reply.Done(words));
        return new EveryReply(answers, root, reply, community);
    }

    /** A notice's sentence about a post, as mentions word it (quoting the post's words). */
    public String mention(String name) {
        return name + " mentioned you in " + SLUG + " (#" + ROOT + "): “" + cut(root.text(), 280) + "” Open it with thread #"
                + ROOT + ".";
    }

    private static Map<String, Integer> reactions(int kinds) {
        Map<String, Integer> reactions = new LinkedHashMap<>();
        for (int i = 0; i < kinds; i++) {
            reactions.put("custom-emoji-with-a-long-name-" + i, i + 1);
        }
        return reactions;
    }

    private static Post post(String id, String author, String text) {
        return new Post(id, "c1", SLUG, "p-1", author, Platform.SLACK, text, AT);
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** Words of {@code length} characters made of {@code unit} (an emoji, a CJK character, a control character). */
    public static String repeated(String unit, int length) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            text.append(unit);
        }
        return cut(text.toString(), length);
    }

    /** The heaviest words: a post's most characters (4,000) of what costs most once escaped or sent. */
    public static List<String> heaviest() {
        return List.of("🧱", "字", "\u0001", "\"", "\\", "<", "&", "👩‍👩‍👧‍👦", "a").stream()
                .map(unit -> repeated(unit, Text.POST_MAX)).toList();
    }
}
