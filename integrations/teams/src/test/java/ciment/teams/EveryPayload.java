package ciment.teams;

import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Introduction;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.service.Caller;
import ciment.core.service.Ciment;
import ciment.core.service.PeopleSearch;
import ciment.core.testing.InMemoryStore;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Every kind of payload Ciment sends Teams, drawn with the same typed text wherever typed text goes (a
 * post's words, a reply's, a name, a purpose, tags, roles and skills, a hidden post's reason): answers of
 * every kind as the adapter sends them (with its envelope), mirrored copies, notices, a card drawn again after
 * a click, Read on, and the messaging extension's results. Lists are as long as Ciment makes them (20 posts a
 * page, a thread of {@code replies} replies, 25 people...).
 */
final class EveryPayload {
    static final String TENANT = "tenant-every";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final Slug SLUG = new Slug("a-community-slug-of-the-longest-length-x"); // 40 characters
    private static final String ROOT = "01JD0000000000000000000000";

    private EveryPayload() {
    }

    /**
     * @param words   what people typed as words (posts, replies, purposes, reasons, tags)
     * @param name    the display name of every person
     * @param replies how many replies the thread has
     * @return each payload by what it is, as the SDK would send it (an Activity with its envelope, or an
     *         invoke's answer)
     */
    static Map<String, Object> drawn(String words, String name, int replies) {
        return drawn(words, name, replies, 50);
    }

    /** @param reactions how many kinds of reactions each post has (50, Ciment's cap: the longest lines) */
    static Map<String, Object> drawn(String words, String name, int replies, int reactions) {
        Map<String, Object> sent = new LinkedHashMap<>();
        Person person = new Person("p-1", name);
        String purpose = cut(words, 300);
        String topic = cut(words, 60);
        List<String> tags = IntStream.range(0, 20).mapToObj(i -> topic).toList();
        Community community = new Community("c1", SLUG, SLUG.displayName(), purpose, tags, false, false, 12, 3, "p-1",
                AT);
        List<Post> page = IntStream.range(0, 20).mapToObj(i -> post(String.format("01JD%022d", i + 1), name, words)
                .withReplies(7, Post.reply("01JE0000000000000000000000", ROOT, "c1", SLUG, "p-2", name,
                        Platform.SLACK, words, AT).preview())
                .withReactions(reactions(reactions))).toList();
        Post root = post(ROOT, name, words).withReplies(replies, null).withReactions(reactions(reactions));
        List<Post> thread = IntStream.range(0, replies).mapToObj(i -> Post.reply(String.format("01JF%022d", i + 1), ROOT,
                "c1", SLUG, "p-2", name, Platform.TEAMS, words, AT).withReactions(reactions(reactions))).toList();

        answer(sent, "feed", new Reply.Feed(SLUG.value(), page, "", "feed " + SLUG + " --before 01JD", false));
        answer(sent, "home feed", new Reply.Feed("", page, "", "feed --before 01JD", false));
        answer(sent, "thread", new Reply.Thread(root, thread));
        answer(sent, "questions", new Reply.Posts("Questions in " + SLUG, page, ""));
        answer(sent, "posted", new Reply.Posted(root));
        answer(sent, "posted reply", new Reply.Posted(thread.isEmpty() ? root : thread.get(0)));
        List<Reply.Listed> listed = IntStream.range(0, 20).mapToObj(i -> new Reply.Listed(community, i % 2 == 0)).toList();
        answer(sent, "communities", new Reply.CommunityList(words, listed,
                IntStream.range(0, 5).mapToObj(i -> new Reply.Listed(community, false)).toList(), 40));
        List<Person> stewards = IntStream.range(0, 20).mapToObj(i -> new Person("p-" + i, name)).toList();
        answer(sent, "info", new Reply.Info(community, stewards, Reply.Standing.STEWARD, Map.of()));
        answer(sent, "requests", new Reply.Requests(SLUG.value(), IntStream.range(0, 50).mapToObj(i -> new JoinRequest(
                "c1", SLUG, "p-" + i, name, AT)).toList(), Map.of()));
        List<ChatAccount> accounts = List.of(new ChatAccount(Platform.TEAMS, TENANT, "aad-1"),
                new ChatAccount(Platform.SLACK, "T0123", "U0123"));
        answer(sent, "whoami", new Reply.Me(new Profile(person, tags, tags, Optional.of("ada@example.com")), accounts));
        answer(sent, "who", new Reply.Who(topic, IntStream.range(0, 25).mapToObj(i -> new Reply.Found(person, accounts))
                .toList(), IntStream.range(0, 20).mapToObj(i -> community).toList()));
        answer(sent, "audit", new Reply.Audit(SLUG.value(), IntStream.range(0, 20).mapToObj(i -> new AuditEntry("a" + i,
                "c1", "hid", "#" + ROOT, "p-1", name, cut(words, 300), AT)).toList()));
        answer(sent, "costs", new Reply.Costs(YearMonth.of(2026, 11), IntStream.range(0, 300).mapToObj(i ->
                new Reply.CommunityCost(SLUG.value(), BigDecimal.ONE, List.of(new Reply.ServiceCost("AWS Lambda",
                        BigDecimal.ONE)), Optional.of(BigDecimal.TEN))).toList(), Optional.empty(), BigDecimal.TEN,
                "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/lambda/pricing/"), true,
                Optional.of("https://ciment.example/costs/chart.svg"), Optional.of("https://ciment.example/costs")));
        answer(sent, "refused", new Reply.Refused(words));
        answer(sent, "done", new Reply.Done(words));

        sent.put("mirrored copy", TeamsMirrorSender.card(root));
        sent.put("mirrored reply", TeamsMirrorSender.card(thread.isEmpty() ? root : thread.get(0)));
        sent.put("mirrored hidden", TeamsMirrorSender.card(root.hiddenFor(cut(words, 300))));
        Activity notice = Activity.createMessageActivity();
        notice.setSummary(TeamsWire.summary(words));
        notice.setAttachments(List.of(AdaptiveCards.aboutPost(name + " mentioned you in " + SLUG + ": “" + cut(words, 280)
                + "” Open it with thread #" + ROOT + ".", "#" + ROOT)));
        sent.put("notice about a post", notice);
        sent.put("card drawn again after a click", CardActions.answer(new Reply.Done(words),
                () -> new Reply.Thread(root, thread), TENANT));
        CardActions.Click readOn = new CardActions.Click(PostButtons.READ_ON, "#" + ROOT, CardActions.Origin.POST,
                "thread #" + ROOT, null, "#" + ROOT, 40);
        sent.put("read on", CardActions.answer(readOn, new Reply.Thread(root, thread), () -> null, TENANT));
        sent.putAll(extension(name, words, community));
        return sent;
    }

    /** The messaging extension's answers: 20 communities, and 25 people, found by a search. */
    private static Map<String, Object> extension(String name, String words, Community community) {
        InMemoryStore store = new InMemoryStore();
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        Ciment ciment = new Ciment(store, clock);
        for (int i = 0; i < 20; i++) {
            Slug slug = new Slug("found-" + i + "-" + "x".repeat(30));
            store.create(new Community("c" + i, slug, slug.displayName(), community.purpose(), community.tags(), true,
                    false, 9, 1, "p-x", AT), new Membership("c" + i, slug, "p-x", Role.STEWARD, AT));
        }
        for (int i = 0; i < 25; i++) {
            ciment.handle(new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-" + i),
                    () -> Introduction.named(name), "r" + i, AT), "skills add sql");
        }
        Caller searcher = new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-searcher"),
                () -> Introduction.named(name), "s", AT);
        ciment.handle(searcher, "whoami");
        MessagingExtension extension = new MessagingExtension(ciment, Optional.of(new PeopleSearch(store)));
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("search of communities", extension.answer(query(MessagingExtension.SEARCH_COMMUNITIES, "found"),
                searcher));
        sent.put("search of people", extension.answer(query(MessagingExtension.SEARCH_PEOPLE, "sql"), searcher));
        return sent;
    }

    private static MessagingExtensionQuery query(String command, String text) {
        MessagingExtensionQuery query = new MessagingExtensionQuery();
        query.setCommandId(command);
        MessagingExtensionParameter parameter = new MessagingExtensionParameter();
        parameter.setName(MessagingExtension.QUERY);
        parameter.setValue(text);
        query.setParameters(List.of(parameter));
        return query;
    }

    /** The answer as the adapter sends it: the conversation's envelope added (ids and names, long ones). */
    private static void answer(Map<String, Object> sent, String what, Reply reply) {
        Activity activity = TeamsReplies.render(reply, TENANT);
        ConversationReference reference = new ConversationReference();
        reference.setBot(new ChannelAccount("28:" + "b".repeat(36), "Ciment"));
        reference.setUser(new ChannelAccount("29:" + "u".repeat(120), "A person named with sixty-four emoji 🧱🧱🧱🧱🧱"
                .repeat(8)));
        ConversationAccount conversation = new ConversationAccount(true, "channel",
                "19:" + "c".repeat(32) + "@thread.tacv2;messageid=1732700000000", "The general channel", null, null,
                TENANT);
        reference.setConversation(conversation);
        reference.setChannelId("msteams");
        reference.setServiceUrl("https://smba.trafficmanager.net/emea/");
        reference.setActivityId("1732700000000");
        reference.setLocale("en-GB");
        sent.put(what, activity.applyConversationReference(reference, false));
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
    static String repeated(String unit, int length) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            text.append(unit);
        }
        return cut(text.toString(), length);
    }

    /** The worst words for size: 4,000 characters (a post's most) of what costs the most bytes as sent. */
    static List<String> heaviest() {
        List<String> units = new ArrayList<>(List.of("🧱", "字", "\u0001", "\"", "\\", "<", "&", "👩‍👩‍👧‍👦", "a"));
        return units.stream().map(unit -> repeated(unit, ciment.core.model.Text.POST_MAX)).toList();
    }
}
