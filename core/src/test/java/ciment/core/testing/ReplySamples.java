package ciment.core.testing;

import ciment.core.i18n.Message;
import ciment.core.command.Grammar;
import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.reply.Insights;
import ciment.core.reply.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answers of every kind Ciment can give, each drawn from representative and from worst inputs (the longest
 * words the commands accept, in emoji, CJK, control characters and markup of both tools, in the largest
 * numbers a page holds), so that each chat tool's drawing of them can be checked against that tool's rules
 * (its published schema, its SDK's validators). A new kind of answer without samples fails
 * {@code ReplySamplesTest}.
 */
public final class ReplySamples {
    public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    public static final String TENANT = "tenant-1";
    public static final String WORKSPACE = "T0001";

    /**
     * Words people may type that a tool could read as markup, links, mentions or layout: the shared list
     * ({@code ciment/hostile-inputs.txt}, {@link HostileInputs}) that both tools' renderings are tested with.
     */
    public static final List<String> HOSTILE = HostileInputs.all();

    private ReplySamples() {
    }

    /** {@code unit} repeated to {@code length} code points: the longest post is 4,000 of them. */
    public static String longText(String unit, int length) {
        int[] points = unit.codePoints().toArray();
        return new String(IntStream.range(0, length).map(i -> points[i % points.length]).toArray(), 0, length);
    }

    /** The longest post, in the widest characters (emoji: four UTF-8 bytes, two UTF-16 units each). */
    public static final String WORST_POST = longText("🧱" + String.join("", HOSTILE), Text.POST_MAX);
    /** A display name as long as Teams allows (256), made of everything hostile. */
    public static final String WORST_NAME = longText(String.join(" ", HOSTILE), 256);
    public static final String WORST_PURPOSE = longText("漢🧱*_[x](https://e.example) ", Text.PURPOSE_MAX);

    /** The samples of every kind of answer, by a name saying which and how bad. */
    public static Map<String, Reply> all() {
        Map<String, Reply> samples = new LinkedHashMap<>();
        samples.put("done", new Reply.Done("Joined data-guild."));
        samples.put("refused, echoing what was typed", new Reply.Refused("“" + WORST_NAME + "” is not a community."));
        samples.put("help", new Reply.Help(Grammar.AVAILABLE));
        samples.put("posted", new Reply.Posted(post(1, "Ada Lovelace", "Hello *world*")));
        samples.put("posted, worst", new Reply.Posted(worstPost(2).editedTo(WORST_POST).withMarks(Post.Marks.QUESTION)));
        samples.put("feed", new Reply.Feed("data-guild", List.of(post(3, "Ada", "First")), "No post yet."));
        samples.put("feed, empty", new Reply.Feed("", List.of(), "You are not in any community yet."));
        samples.put("feed, worst: home, 20 longest posts, a next page", new Reply.Feed("", posts(20, ReplySamples::worstPost),
                "", "feed more:" + "Sealed_Cursor-0123456789".repeat(6), true));
        samples.put("thread", new Reply.Thread(post(4, "Ada", "Root"), List.of(reply(5, 4, "Grace", "Yes"))));
        samples.put("thread, no reply", new Reply.Thread(post(6, "Ada", "Root"), List.of()));
        samples.put("thread, worst: 50 longest replies, hidden and removed", new Reply.Thread(worstPost(7),
                worstReplies(7, 50)));
        samples.put("posts", new Reply.Posts(Message.of("core.questions.title", "data-guild"), List.of(post(8, "Ada", "Why?")
                .withMarks(Post.Marks.QUESTION)), Message.verbatim("No question yet.")));
        samples.put("posts, empty", new Reply.Posts(Message.verbatim("Knowledge in data-guild"), List.of(),
                Message.verbatim("Nothing pinned yet.")));
        samples.put("posts, worst", new Reply.Posts(Message.verbatim(WORST_NAME), posts(20, ReplySamples::worstPost),
                Message.verbatim(WORST_NAME)));
        samples.put("audit", new Reply.Audit("data-guild", List.of(audit(1, "Ada", "spam"))));
        samples.put("audit, empty", new Reply.Audit("data-guild", List.of()));
        samples.put("audit, worst: 200 entries", new Reply.Audit("data-guild",
                IntStream.range(0, 200).mapToObj(i -> audit(i, WORST_NAME, WORST_PURPOSE)).toList()));
        samples.put("communities", new Reply.CommunityList("", List.of(listed(community("data-guild", true, false, 12), true),
                listed(community("inner-circle", false, false, 3), false))));
        samples.put("communities, none match", new Reply.CommunityList(WORST_NAME, List.of()));
        samples.put("communities, worst: 50 with suggestions", new Reply.CommunityList(WORST_NAME,
                IntStream.range(0, 50).mapToObj(i -> listed(worstCommunity(i), i % 2 == 0)).toList(),
                IntStream.range(50, 60).mapToObj(i -> new Reply.Listed(worstCommunity(i), false, true)).toList(), 940,
                20, "communities " + WORST_NAME + " --page 3"));
        for (Reply.Standing standing : Reply.Standing.values()) {
            samples.put("info, " + standing, new Reply.Info(community("data-guild", standing.ordinal() % 2 == 0, false, 7),
                    List.of(new Person("p-ada", "Ada")), standing));
        }
        samples.put("info, with welcome and guidelines", new Reply.Info(community("data-guild", true, false, 7)
                .with(new CommunityWelcome("Hello, say hi", "Be kind.\nNo customer data.")),
                List.of(new Person("p-ada", "Ada")), Reply.Standing.MEMBER));
        samples.put("info, worst: archived, 50 stewards", new Reply.Info(worstCommunity(1), people(50),
                Reply.Standing.STEWARD, accounts(50)));
        samples.put("requests", new Reply.Requests("data-guild", List.of(request(1, "Grace Hopper"))));
        samples.put("requests, none", new Reply.Requests("data-guild", List.of()));
        samples.put("requests, worst: 100", new Reply.Requests("data-guild",
                IntStream.range(0, 100).mapToObj(i -> request(i, WORST_NAME)).toList(), accounts(100)));
        samples.put("members", new Reply.Members("data-guild", List.of(
                new Reply.Members.Member(new Person("p-ada", "Ada"), true, Set.of(Platform.SLACK, Platform.TEAMS)),
                new Reply.Members.Member(new Person("p-bob", "Bob"), false, Set.of(Platform.TEAMS)),
                new Reply.Members.Member(new Person("p-cleo", "Cleo", true), false, Set.of(Platform.SLACK))), 3));
        samples.put("members, worst: the most shown, worst names, thousands more", new Reply.Members(
                "a".repeat(40), IntStream.range(0, Reply.Members.SHOWN).mapToObj(i -> new Reply.Members.Member(
                        new Person("p-" + i, WORST_NAME, i % 3 == 0), i < 5, i % 4 == 0 ? Set.of()
                                : Set.of(Platform.SLACK, Platform.TEAMS))).toList(), 12_345));
        samples.put("whoami", new Reply.Me(new Profile(new Person("p-ada", "Ada"), List.of("buddy"), List.of("sql"),
                Optional.of("ada@corp.example")), List.of(new ChatAccount(Platform.TEAMS, TENANT, "aad-ada"))));
        samples.put("whoami, worst: guest, 20 roles and skills", new Reply.Me(new Profile(
                new Person("p-x", WORST_NAME, true), topics(20), topics(20)), List.of(
                new ChatAccount(Platform.TEAMS, TENANT, "aad-x"), new ChatAccount(Platform.TEAMS, "tenant-2", "aad-y"),
                new ChatAccount(Platform.SLACK, WORKSPACE, "U0X"))));
        samples.put("who", new Reply.Who("sql", List.of(found(1)), List.of(community("data-guild", true, false, 9))));
        samples.put("who, nobody", new Reply.Who(WORST_NAME, List.of(), List.of()));
        samples.put("who, worst: 50 people, 50 communities", new Reply.Who(WORST_NAME,
                IntStream.range(0, 50).mapToObj(ReplySamples::found).toList(),
                IntStream.range(0, 50).mapToObj(ReplySamples::worstCommunity).toList()));
        samples.put("costs", costs(2, true));
        samples.put("costs, none", new Reply.Costs(YearMonth.of(2026, 11), List.of(), Optional.empty(), BigDecimal.ZERO,
                "us-east-1/arm64/2024-11-01", List.of("AWS price list"), false, Optional.empty(), Optional.empty()));
        samples.put("costs, worst: 200 communities and the platform", costs(200, false));
        samples.put("insights", insights("data-guild", 12, 7, false));
        samples.put("insights, worst: longest slug, millions, fewer than 5 people, capped", insights("a".repeat(40),
                1_234_567, 3, true));
        return samples;
    }

    /** Four weeks of figures: {@code people} make each one (fewer than 5: every figure about people hidden). */
    public static Insights insights(String slug, int count, int people, boolean capped) {
        Insights.Figures figures = new Insights.Figures(new Insights.Count(people, people),
                new Insights.Count(count, people), new Insights.Count(count * 3, people), new Insights.Count(count, people),
                new Insights.Count(count - 1, people), new Insights.Median(java.time.Duration.ofMinutes(count), people));
        List<Insights.Week> weeks = IntStream.range(0, 4).mapToObj(i -> new Insights.Week(
                java.time.LocalDate.of(2026, 11, 9).plusWeeks(i), i == 3, figures,
                Map.of(Platform.SLACK, figures, Platform.TEAMS, Insights.Figures.NONE))).toList();
        return new Insights(slug, weeks, capped ? 5_000 : count * 4, capped);
    }

    /** The kinds of answer {@link #all()} has samples of. */
    public static Set<Class<?>> kinds() {
        return all().values().stream().map(Object::getClass).collect(Collectors.toSet());
    }

    /** Every kind of answer there is: the records Reply permits, through its sealed shapes (Said). */
    public static Set<Class<?>> everyKind() {
        return kindsUnder(Reply.class).collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<Class<?>> kindsUnder(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(kind -> kind.isSealed() ? kindsUnder(kind) : java.util.stream.Stream.of(kind));
    }

    public static String id(int n) {
        return String.format("01JD%022d", n);
    }

    public static Post post(int n, String author, String text) {
        return new Post(id(n), "c1", new Slug("data-guild"), "p-" + n, author, Platform.SLACK, text, AT);
    }

    public static Post reply(int n, int root, String author, String text) {
        return Post.reply(id(n), id(root), "c1", new Slug("data-guild"), "p-" + n, author, Platform.TEAMS, text, AT);
    }

    /** The longest post by the worst name, with replies, a long latest reply and many reactions. */
    public static Post worstPost(int n) {
        Map<String, Integer> reactions = new TreeMap<>();
        IntStream.range(0, 20).forEach(i -> reactions.put(longText("custom_emoji_" + i + "_", 40), 1_000_000 + i));
        return post(n, WORST_NAME, WORST_POST).withReplies(9_999, WORST_NAME + ": " + longText(WORST_POST,
                Post.PREVIEW)).withReactions(reactions).withMarks(new Post.Marks(true, null, true));
    }

    private static List<Post> worstReplies(int root, int count) {
        List<Post> replies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Post reply = reply(root * 1000 + i, root, WORST_NAME, WORST_POST).withReactions(Map.of("thumbsup", 3));
            replies.add(i % 10 == 3 ? reply.hiddenFor(WORST_PURPOSE) : i % 10 == 7 ? reply.asRemoved() : reply);
        }
        return replies;
    }

    private static List<Post> posts(int count, IntFunction<Post> post) {
        return IntStream.range(0, count).mapToObj(i -> post.apply(100 + i)).toList();
    }

    public static Community community(String slug, boolean open, boolean archived, int members, String... tags) {
        return new Community("c-" + slug, Slug.parse(slug), Slug.parse(slug).displayName(), "Purpose of " + slug,
                List.of(tags), open, archived, members, 1, "p1", AT);
    }

    /** A community with the longest slug, name, purpose and tags; every third archived, every other closed. */
    public static Community worstCommunity(int n) {
        String slug = (n + "-" + "a".repeat(40)).substring(0, 40);
        return new Community("c-" + n, new Slug(slug), WORST_NAME, WORST_PURPOSE, topics(10), n % 2 == 0, n % 3 == 0,
                1_000_000, 50, "p1", AT, new CommunityWelcome(longText(String.join(" ", HOSTILE), CommunityWelcome.MESSAGE_MAX),
                        longText("漢🧱*_[x](https://e.example) <@U1> ", CommunityWelcome.GUIDELINES_MAX)));
    }

    private static Reply.Listed listed(Community community, boolean member) {
        return new Reply.Listed(community, member);
    }

    private static List<String> topics(int count) {
        return IntStream.range(0, count).mapToObj(i -> longText(i + " *_`<@U1>` 漢🧱 ", 60)).toList();
    }

    private static List<Person> people(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Person("p-" + i, WORST_NAME)).toList();
    }

    /** Each person of {@link #people} with a Slack account in the reader's workspace and a Teams one in the tenant. */
    private static Map<String, List<ChatAccount>> accounts(int count) {
        Map<String, List<ChatAccount>> accounts = new TreeMap<>();
        IntStream.range(0, count).forEach(i -> accounts.put("p-" + i, List.of(
                new ChatAccount(Platform.SLACK, WORKSPACE, "U" + i), new ChatAccount(Platform.TEAMS, TENANT, "aad-" + i))));
        return accounts;
    }

    private static JoinRequest request(int n, String name) {
        return new JoinRequest("c1", new Slug("data-guild"), "p-" + n, name, AT);
    }

    private static AuditEntry audit(int n, String actor, String reason) {
        return new AuditEntry("a" + n, "c1", "hid", "#" + id(n), "p-1", actor, reason, AT);
    }

    private static Reply.Found found(int n) {
        return new Reply.Found(new Person("p-" + n, n == 1 ? "Grace" : WORST_NAME), List.of(
                new ChatAccount(Platform.SLACK, WORKSPACE, "U" + n), new ChatAccount(Platform.TEAMS, TENANT, "aad-" + n)));
    }

    private static Reply.Costs costs(int communities, boolean links) {
        List<Reply.CommunityCost> lines = IntStream.range(0, communities).mapToObj(i -> new Reply.CommunityCost(
                worstCommunity(i).slug().value(), new BigDecimal("123456.789"), List.of(
                        new Reply.ServiceCost("Lambda", new BigDecimal("1.5")),
                        new Reply.ServiceCost("DynamoDB", new BigDecimal("0.25")),
                        new Reply.ServiceCost("API Gateway", new BigDecimal("0.01"))),
                Optional.of(new BigDecimal("25")))).toList();
        return new Reply.Costs(YearMonth.of(2026, 11), lines, Optional.of(new Reply.CommunityCost("platform",
                new BigDecimal("9.99"), List.of(), Optional.empty())), new BigDecimal("9999999.99"),
                "us-east-1/arm64/2024-11-01", List.of("AWS price list", "https://pricing.us-east-1.amazonaws.com"), true,
                links ? Optional.of("https://abc.execute-api.us-east-1.amazonaws.com/dev/costs/2026-11.svg") : Optional.empty(),
                links ? Optional.of("https://abc.execute-api.us-east-1.amazonaws.com/dev/costs/2026-11.csv") : Optional.empty());
    }
}
