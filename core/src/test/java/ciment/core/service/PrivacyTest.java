package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.privacy.PersonalData;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrivacyTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void adaStewardsAGuild_graceIsAMemberWhoPostsAndDeclaresASkill() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("grace", "join data-guild");
        people.say("grace", "post data-guild Compilers are friends");
        people.say("grace", "skills add Accessibilité");
        people.say("ada", "post data-guild Welcome all");
    }

    private Person grace() {
        return store.people().find(Talk.account("grace")).orElseThrow();
    }

    private Community guild() {
        return store.communities().find(new Slug("data-guild")).orElseThrow();
    }

    @Test
    void export_writesADirectNoticeCarryingTheirFile_andSaysItIsOnItsWay() {
        Reply reply = people.say("grace", "export-my-data");

        assertEquals(new Reply.Done(PrivacyActions.FILE_ON_ITS_WAY), reply);
        Notice notice = memory.outbox().getLast();
        assertEquals(Recipient.direct(Talk.account("grace"), null), notice.to());
        assertEquals(grace().id(), notice.personalDataOf());
        assertTrue(notice.carriesPersonalData());
    }

    @Test
    void personalData_holdsProfileAccountsMembershipsAndOnlyTheirOwnPosts() {
        PersonalData data = store.personalRecords().personalData(grace().id()).orElseThrow();

        assertEquals(List.of("Accessibilité"), data.profile().skills());
        assertEquals(List.of(Talk.account("grace")), data.accounts());
        assertEquals(List.of("data-guild"), data.memberships().stream().map(m -> m.slug().value()).toList());
        assertEquals(List.of("Compilers are friends"), data.posts().stream().map(Post::text).toList());
    }

    @Test
    void erase_withoutConfirm_saysWhatGoes_andWritesNothing() {
        int before = memory.writes();

        Reply reply = people.say("grace", "erase-my-data");

        assertInstanceOf(Reply.Done.class, reply);
        assertTrue(reply.summary().contains("erase-my-data confirm"), reply.summary());
        assertTrue(reply.summary().contains("Accessibilité") && reply.summary().contains("data-guild"), reply.summary());
        assertEquals(before, memory.writes());
        assertTrue(store.personalRecords().personalData(grace().id()).isPresent());
    }

    @Test
    void erase_byTheLastSteward_isRefused_namingTheCommunity_andWritesNothing() {
        people.say("ada", "create ada-club Ada's own");
        int before = memory.writes();

        for (String command : List.of("erase-my-data", "erase-my-data confirm")) {
            Reply reply = people.say("ada", command);
            assertInstanceOf(Reply.Refused.class, reply, reply.summary());
            assertTrue(reply.summary().startsWith("You are the only steward of ada-club, data-guild"), reply.summary());
        }
        assertEquals(before, memory.writes());
    }

    @Test
    void eraseConfirm_deletesThePerson_postsStayAsRemoved_andCountsFollow() {
        people.say("grace", "export-my-data");
        String id = grace().id();

        Reply reply = people.say("grace", "erase-my-data confirm");

        assertInstanceOf(Reply.Done.class, reply, reply.summary());
        assertTrue(store.personalRecords().personalData(id).isEmpty());
        assertTrue(store.people().find(Talk.account("grace")).isEmpty());
        assertEquals(1, guild().memberCount());
        assertTrue(store.people().declaring("accessibilite").isEmpty());
        assertTrue(memory.outbox().stream().noneMatch(n -> n.to().account().equals(Talk.account("grace"))),
                "the notices to them go too");
        List<Post> feed = store.posts().latest(guild().id(), 10);
        assertEquals(2, feed.size(), "the removed post keeps its place");
        Post removed = feed.get(1);
        assertTrue(removed.isRemoved());
        assertEquals(Post.REMOVED_TEXT, removed.text());
        assertEquals(Post.REMOVED, removed.authorName());
        assertEquals("Welcome all", feed.get(0).text());
    }

    @Test
    void stewardWithAnotherSteward_canErase_andTheOtherStaysSteward() {
        people.say("ada", "steward add data-guild @grace");

        assertInstanceOf(Reply.Done.class, people.say("ada", "erase-my-data confirm"));

        assertEquals(1, guild().stewardCount());
        assertEquals(1, guild().memberCount());
    }

    @Test
    void erase_interrupted_isFinishedByTheirNextCommand_whichDoesNotRun() {
        String id = grace().id();
        memory.interruptNextErase();
        assertThrows(IllegalStateException.class, () -> people.say("grace", "erase-my-data confirm"));
        assertTrue(grace().erasing());

        Reply reply = people.say("grace", "post data-guild Still here?");

        assertTrue(reply.summary().startsWith("Your interrupted erase-my-data is finished"), reply.summary());
        assertTrue(store.personalRecords().personalData(id).isEmpty());
        assertTrue(store.posts().latest(guild().id(), 10).stream().noneMatch(p -> p.text().equals("Still here?")));
    }

    @Test
    void erase_interrupted_isFinishedByConfirmingAgain() {
        String id = grace().id();
        memory.interruptNextErase();
        assertThrows(IllegalStateException.class, () -> people.say("grace", "erase-my-data confirm"));

        assertInstanceOf(Reply.Done.class, people.say("grace", "erase-my-data confirm"));

        assertTrue(store.personalRecords().personalData(id).isEmpty());
        assertEquals(1, guild().memberCount());
    }

    @Test
    void erase_ofAPersonMergedFromAnother_removesTheOthersPostsToo() {
        people.say("linus", "join data-guild");
        people.say("linus", "post data-guild From my old account");
        Person linus = store.people().find(Talk.account("linus")).orElseThrow();
        store.people().merge(linus, grace());
        assertEquals(List.of(linus.id()), store.personalRecords().personalData(grace().id()).orElseThrow().mergedIds());
        assertEquals(2, store.personalRecords().personalData(grace().id()).orElseThrow().posts().size());

        assertInstanceOf(Reply.Done.class, people.say("grace", "erase-my-data confirm"));

        assertTrue(store.posts().latest(guild().id(), 10).stream().filter(p -> !p.isRemoved()).map(Post::text).toList()
                .equals(List.of("Welcome all")));
        assertTrue(store.people().find(Talk.account("linus")).isEmpty());
    }

    @Test
    void eraseMyData_withAnotherWordThanConfirm_isRefused() {
        Reply reply = people.say("grace", "erase-my-data now");

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(store.personalRecords().personalData(grace().id()).isPresent());
        assertFalse(grace().erasing());
    }

    // --- issue 14, item 9: erase means erase ---------------------------------------------------------

    /** Ada saves a thread of the chat: its first message is Grace's, one reply is Linus's, one Ada's own. */
    private Reply.Posted adaSavesGracesThread() {
        Caller ada = new Caller(Talk.account("ada"), () -> ciment.core.model.Introduction.named("ada name"), "save-1",
                clock.instant());
        return (Reply.Posted) new Ciment(store, clock).save(ada, "data-guild", List.of(
                new ciment.core.model.ChatMessage("Grace H", Talk.account("grace"), ciment.core.model.Platform.SLACK,
                        "Compilers are friends, said in the chat"),
                new ciment.core.model.ChatMessage("Linus", Talk.account("linus"), ciment.core.model.Platform.SLACK,
                        "Agreed"),
                new ciment.core.model.ChatMessage("Ada", Talk.account("ada"), ciment.core.model.Platform.SLACK,
                        "Saving this")));
    }

    @Test
    void wordsSavedBySomeoneElse_areInTheirExport_andGoWithTheirErasure_leavingOthersWords() {
        Post saved = adaSavesGracesThread().post();
        assertTrue(store.personalRecords().personalData(grace().id()).orElseThrow().posts().stream()
                .anyMatch(post -> post.id().equals(saved.id())), "Grace's export holds her saved words");

        people.say("grace", "erase-my-data confirm");

        Reply.Thread thread = (Reply.Thread) people.say("ada", "thread #" + saved.id());
        assertTrue(thread.root().isRemoved(), thread.root().toString());
        assertFalse(thread.toString().contains("Compilers are friends"), thread.toString());
        assertTrue(thread.replies().stream().anyMatch(reply -> reply.text().equals("Linus in Slack: Agreed")),
                "Linus's words stay");
    }
}
