package ciment.teams;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.command.Command;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Membership;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.EveryReply;
import ciment.core.testing.InMemoryRepositories;
import ciment.teams.inbound.MessagingExtension;
import ciment.teams.outbound.TeamsMirrorSender;
import ciment.teams.render.CardActions;
import ciment.teams.render.PostButtons;
import ciment.teams.render.PostCards;
import ciment.teams.render.TeamsReplies;
import ciment.teams.render.TeamsWire;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every kind of payload Ciment sends Teams, drawn with the same typed text wherever typed text goes (a
 * post's words, a reply's, a name, a purpose, tags, roles and skills, a hidden post's reason): answers of
 * every kind as the adapter sends them (with its envelope), mirrored copies, notices, a card drawn again after
 * a click, Read on, and the messaging extension's results. Lists are as long as Ciment makes them (20 posts a
 * page, a thread of {@code replies} replies, 25 people...).
 */
final class EveryPayload {
    static final String TENANT = "tenant-every";
    private static final Instant AT = EveryReply.AT;

    private EveryPayload() {
    }

    /** Every language Ciment speaks, by its code: French cards are longer than English ones, and must fit too. */
    static Stream<Arguments> languages() {
        return Catalogue.shipped().stream().map(language -> Arguments.of(language.code(),
                Catalogue.of(language).orElseThrow()));
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

    /** @param reactions how many kinds of reactions each post has (50: the longest lines) */
    static Map<String, Object> drawn(String words, String name, int replies, int reactions) {
        return drawn(words, name, replies, reactions, Catalogue.ENGLISH);
    }

    /** @param said the language every payload is said in (French is longer than English) */
    static Map<String, Object> drawn(String words, String name, int replies, int reactions, Catalogue said) {
        EveryReply every = EveryReply.of(words, name, replies, reactions);
        Map<String, Object> sent = new LinkedHashMap<>();
        every.replies().forEach((what, reply) -> answer(sent, what, reply, said));
        Post root = every.root();
        sent.put("mirrored copy", mirrored(root, said));
        sent.put("mirrored reply", mirrored(every.reply(), said));
        sent.put("mirrored hidden", mirrored(root.hiddenFor(words), said));
        Activity notice = Activity.createMessageActivity();
        notice.setSummary(TeamsWire.summary(every.mention(name)));
        notice.setAttachments(List.of(PostCards.aboutPost(every.mention(name), "#" + EveryReply.ROOT, said)));
        sent.put("notice about a post", notice);
        Activity announcement = Activity.createMessageActivity();
        announcement.setSummary(TeamsWire.summary(every.mention(name)));
        announcement.setAttachments(List.of(ciment.teams.render.AnnouncementCards.notice(every.mention(name),
                "#" + EveryReply.ROOT, "01COMMUNITY/2026-12-08", said)));
        sent.put("announcement told directly", announcement);
        Reply.Thread thread = (Reply.Thread) every.replies().get("thread");
        sent.put("card drawn again after a click", CardActions.answer(new Reply.Done(words), () -> thread, TENANT, said));
        Supplier<Command> readThread = () -> new ConversationVerbs.Thread(PostRef.parse("#" + EveryReply.ROOT));
        CardActions.Click readOn = new CardActions.Click(PostButtons.READ_ON, readThread, readThread,
                "#" + EveryReply.ROOT, 40);
        sent.put("read on", CardActions.answer(readOn, thread, () -> null, TENANT, said));
        sent.putAll(extension(name, every.community(), said));
        return sent;
    }

    /** A mirrored copy as the mirror sends it; in another language than English, its card said so. */
    private static Activity mirrored(Post post, Catalogue said) {
        Activity copy = TeamsMirrorSender.card(post);
        if (said != Catalogue.ENGLISH) {
            copy.setAttachments(List.of(PostCards.mirrored(post, said)));
        }
        return copy;
    }

    /** The messaging extension's answers: 20 communities, and 25 people, found by a search. */
    private static Map<String, Object> extension(String name, Community community, Catalogue said) {
        Repositories store = InMemoryRepositories.create();
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        Ciment ciment = new Ciment(store, clock);
        for (int i = 0; i < 20; i++) {
            Slug slug = new Slug("found-" + i + "-" + "x".repeat(30));
            store.communities().create(new Community("c" + i, slug, slug.displayName(), community.purpose(), community.tags(), true,
                    false, 9, 1, "p-x", AT), new Membership("c" + i, slug, "p-x", Role.STEWARD, AT));
        }
        for (int i = 0; i < 25; i++) {
            ciment.handle(new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-" + i),
                    () -> Introduction.named(name), "r" + i, AT), "skills add sql");
        }
        Caller searcher = new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-searcher"),
                () -> Introduction.named(name), "s", AT, Directory.NONE, null, null, said.language().code());
        ciment.handle(searcher, "whoami");
        MessagingExtension extension = new MessagingExtension(ciment, Optional.of(new PeopleSearch(store.people())));
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
    private static void answer(Map<String, Object> sent, String what, Reply reply, Catalogue said) {
        Activity activity = TeamsReplies.render(reply, TENANT, said);
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
        reference.setLocale(said.language().code());
        sent.put(what, activity.applyConversationReference(reference, false));
    }
}
