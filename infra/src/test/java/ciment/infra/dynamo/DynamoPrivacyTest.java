package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Follow;
import ciment.core.model.Introduction;
import ciment.core.model.Invitation;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Topic;
import ciment.core.model.Ulid;
import ciment.core.port.Communities.Change;
import ciment.core.port.People.Kind;
import ciment.core.port.PersonalRecords.Erased;
import ciment.core.port.Repositories;
import ciment.core.privacy.PersonalData;
import ciment.core.privacy.PersonalDataJson;
import ciment.core.reply.Reply;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * export-my-data and erase-my-data on the table: Grace (met on Teams) is also Ada (met on Slack, merged
 * into her). Erasing her leaves no item that names either id, either account or either address; her
 * posts keep their place in their community's feed, removed; the counts follow; an erasure interrupted
 * after any step is finished by running it again.
 */
class DynamoPrivacyTest {

    @Test
    void collect_holdsHerProfileAccountsMembershipsRequestsInvitations_andPostsOfBothIds() {
        Scene scene = new Scene();

        PersonalData data = scene.store.personalRecords().personalData(scene.grace.id()).orElseThrow();

        assertEquals(Set.of(scene.adasAccount, scene.gracesAccount), Set.copyOf(data.accounts()));
        assertEquals(List.of(scene.ada.id()), data.mergedIds());
        assertEquals(Set.of(scene.guild.id(), scene.gracesOwn.id()),
                Set.copyOf(data.memberships().stream().map(Membership::communityId).toList()));
        assertEquals(List.of(scene.closed.id()), data.requests().stream().map(r -> r.communityId()).toList());
        assertEquals(List.of(scene.invitedTo.id()), data.invitations().stream().map(Invitation::communityId).toList());
        assertEquals(List.of("From Slack, before the merge", "First from Teams", "Second from Teams",
                "Ada in Slack: saved by Linus"), data.posts().stream().map(Post::text).toList(),
                "hers, Ada's, and Ada's words that Linus saved");
        assertEquals(List.of("Accessibilité" + scene.topic), data.profile().skills());
        assertEquals(List.of("Mentor" + scene.topic), data.profile().roles(), "Ada's role moved to Grace");
        assertEquals(Optional.of(scene.gracesEmail), data.profile().email());

        String json = PersonalDataJson.render(data, Sample.T0);
        assertTrue(json.contains("\"text\": \"Second from Teams\""), json);
        assertEquals(List.of(new PersonalData.Reaction(scene.posts.get(1).id(), "tada"),
                new PersonalData.Reaction(scene.posts.get(4).id(), "+1")), data.reactions(), "hers and Ada's");
        assertTrue(json.contains("\"emoji\": \"tada\""), json);
        assertEquals(Set.of(new PersonalData.Followed("#" + scene.posts.get(1).id(), "muted"),
                new PersonalData.Followed("#" + scene.posts.get(4).id(), "follow")), Set.copyOf(data.follows()),
                "hers and Ada's");
        assertTrue(json.contains("\"state\": \"muted\""), json);
        assertTrue(json.contains("\"notices\": \"all\""), json);
        assertFalse(json.contains("Linus says hi"), "other people's posts are not hers");
    }

    @Test
    void collect_ofSomeoneNeverMet_isEmpty() {
        assertEquals(Optional.empty(), new Scene().store.personalRecords().personalData(Sample.personId()));
    }

    @Test
    void erase_leavesNoItemNamingHer_postsStayRemovedInTheirPlace_andCountsFollow() {
        Scene scene = new Scene();

        assertEquals(Erased.DONE, scene.store.personalRecords().erase(scene.grace));

        scene.assertErased();
    }

    @Test
    void erase_interruptedAfterAnyStep_isFinishedByRunningItAgain() {
        int steps = new Scene().dynamo.eraseSteps(new Person("a", "A")).size();
        for (int done = 1; done < steps; done++) {
            Scene scene = new Scene();
            List<DynamoPrivacy.Step> sequence = scene.dynamo.eraseSteps(scene.grace);
            for (DynamoPrivacy.Step step : sequence.subList(0, done)) {
                assertEquals(List.of(), step.action().get(), step.name());
            }
            String after = "after " + sequence.get(done - 1).name();
            Optional<Person> found = scene.store.people().find(scene.gracesAccount);
            assertTrue(found.isPresent() && found.get().erasing(), after + ": her next request sees the erasure");

            assertEquals(Erased.DONE, scene.store.personalRecords().erase(found.get()), after);

            scene.assertErased();
        }
    }

    @Test
    void erase_interruptedAfterThePosts_isFinishedByHerNextCommand_throughCiment_whichDoesNotRun() {
        Scene scene = new Scene();
        List<DynamoPrivacy.Step> sequence = scene.dynamo.eraseSteps(scene.grace);
        sequence.stream().takeWhile(step -> !step.name().equals("requests")).forEach(step -> step.action().get());
        Ciment ciment = new Ciment(scene.store, Clock.systemUTC());
        Caller grace = new Caller(scene.gracesAccount, () -> Introduction.named("Grace"), "next-1",
                Sample.T0, mention -> Optional.empty());

        Reply reply = ciment.handle(grace, "post " + scene.guild.slug().value() + " Am I still here?");

        assertTrue(reply.summary().startsWith("Your interrupted erase-my-data is finished"), reply.summary());
        scene.assertErased();
    }

    @Test
    void eraseConfirm_throughCiment_byALastSteward_isRefused_andWritesNothing() {
        Scene scene = new Scene();
        Community hers = Sample.community(Sample.slug("hers"), scene.grace.id()); // she is its only steward
        scene.store.communities().create(hers, Sample.steward(hers));
        List<Map<String, AttributeValue>> before = MotoTables.items(scene.table);
        Ciment ciment = new Ciment(scene.store, Clock.systemUTC());
        Caller grace = new Caller(scene.gracesAccount, () -> Introduction.named("Grace"), "erase-1",
                Sample.T0, mention -> Optional.empty());

        Reply reply = ciment.handle(grace, "erase-my-data confirm");

        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertTrue(reply.summary().contains(hers.slug().value()), reply.summary());
        assertEquals(before, MotoTables.items(scene.table));
    }

    @Test
    void erase_ofAPersonWith100Posts_costsAboutTwoWritesAPost() {
        String table = MotoTables.create("erase-units");
        DynamoRepositories dynamo = MotoTables.repositories(table);
        Repositories store = dynamo.repositories();
        ChatAccount account = DynamoEmailLinksTest.slack();
        Person author = store.people().enroll(account, new Person(Sample.personId(), "Author"), Optional.empty());
        Community founder = Sample.community(Sample.slug("units"), Sample.personId());
        store.communities().create(founder, Sample.steward(founder));
        store.communities().join(Sample.member(founder, author.id()));
        String text = "A post of about two hundred characters, as most are in a community of practice. ".repeat(3)
                .substring(0, 200);
        IntStream.range(0, 100).forEach(i -> store.posts().add(Sample.post(founder, author.id(), text, Sample.minute(i))));
        dynamo.meter().reset();

        assertEquals(Erased.DONE, store.personalRecords().erase(author));

        Units units = dynamo.meter().usage(DynamoPrivacy.ERASE).computed();
        System.out.println("erase-my-data of a person with 100 posts of 200 characters: " + units + " in "
                + dynamo.meter().usage(DynamoPrivacy.ERASE).requests() + " requests, plus leave: "
                + dynamo.meter().usage(DynamoCommunities.LEAVE).computed());
        // Each post: one update (under 1 KB) and its author index entry deleted.
        assertTrue(units.write() >= 200 && units.write() <= 200 + 10, units.toString());
        // Reads: the lookups of each step, (issue 6) the person's roles granted, two keys read, and (issue 14) the
        // posts others saved with their words (one query per account), and their write counters (half a unit).
        // (issue 17) Their follows of threads and the marks of when they were told, their announcements'
        // acknowledgements, the announcements they made, and their digest item's delete: a query each.
        assertTrue(units.read() <= 22.5, units.toString());
    }

    /**
     * Grace: on Teams, with an address; steward of her own community beside Linus (so she may leave), a
     * member of Linus's guild where she posted twice, asking to join a closed one, invited to another, with a
     * skill; she invited Pat; a notice waits for her. Ada: on Slack, posted once in the guild and declared a
     * role, then was merged into Grace. Each scene has its own table.
     */
    private static final class Scene {
        final String table = MotoTables.create("privacy");
        final DynamoRepositories dynamo = MotoTables.repositories(table);
        final Repositories store = dynamo.repositories();
        final ChatAccount adasAccount = DynamoEmailLinksTest.slack();
        final ChatAccount gracesAccount = DynamoEmailLinksTest.teams();
        final ChatAccount linusAccount = DynamoEmailLinksTest.slack();
        final String adasEmail = DynamoEmailLinksTest.email();
        final String gracesEmail = DynamoEmailLinksTest.email();
        final String topic = " " + Sample.personId().toLowerCase();
        final Person linus = store.people().enroll(linusAccount, new Person(Sample.personId(), "Linus"), Optional.empty());
        final Person ada = store.people().enroll(adasAccount, new Person(Sample.personId(), "Ada"), Optional.of(DynamoEmailLinksTest.vouched(adasEmail)));
        final Person grace = store.people().enroll(gracesAccount, new Person(Sample.personId(), "Grace"), Optional.of(DynamoEmailLinksTest.vouched(gracesEmail)));
        final Community guild = create(linus.id());
        final Community gracesOwn = create(grace.id());
        final Community closed = create(linus.id());
        final Community invitedTo = create(linus.id());
        final List<Community> communities = List.of(guild, gracesOwn, closed, invitedTo);
        final List<Post> posts = new ArrayList<>();

        Scene() {
            store.communities().join(Sample.stewardToo(gracesOwn, linus.id()));
            store.communities().join(Sample.member(guild, grace.id()));
            store.communities().join(Sample.member(guild, ada.id()));
            store.communities().change(closed.id(), new Change.Openness(false));
            store.communities().request(Sample.request(closed, grace.id(), Sample.minute(1), new Recipient(gracesAccount, "19:x", "https://smba.example/")));
            store.communities().invite(new Invitation(invitedTo.id(), invitedTo.slug(), grace.id(), linus.id(), Sample.minute(2)));
            store.communities().invite(new Invitation(gracesOwn.id(), gracesOwn.slug(), Sample.personId(), grace.id(), Sample.minute(2)));
            store.people().declare(grace, Kind.SKILL, Topic.of("Accessibilité" + topic));
            store.people().declare(ada, Kind.ROLE, Topic.of("Mentor" + topic));
            post(ada, "From Slack, before the merge", 3);
            post(linus, "Linus says hi", 4);
            post(grace, "First from Teams", 5);
            post(grace, "Second from Teams", 6);
            post(linus, "Linus again", 7);
            store.conversations().react(posts.get(1), "tada", ada.id(), true);
            store.conversations().react(posts.get(4), "+1", grace.id(), true);
            // Issue 17: Grace muted a thread, Ada followed one when mentioned in it, Grace was told about another.
            store.follows().set(new Follow(guild.id(), posts.get(1).id(), grace.id(), Follow.State.MUTED, Sample.minute(5)));
            store.follows().followUnlessMuted(new Follow(guild.id(), posts.get(4).id(), ada.id(), Follow.State.FOLLOWING,
                    Sample.minute(7), posts.get(4).id()));
            store.follows().markTold(guild.id(), posts.get(4).id(), grace.id(), "reply|x", Sample.minute(7), Sample.minute(2));
            post(grace, "Deleted by her", 8);
            Post deleted = posts.get(5);
            store.conversations().delete(deleted, grace.id(), new ciment.core.model.AuditEntry(Ulid.random(Sample.minute(8)), guild.id(),
                    "deleted", deleted.reference(), grace.id(), grace.displayName(), "by its author", Sample.minute(8)));
            store.notices().send(new Notice(Ulid.random(Sample.T0), Recipient.direct(gracesAccount, "https://smba.example/"),
                    "Here is your file", Sample.T0, grace.id()));
            // Issue 14: Linus saved Ada's words from the chat (Save to community), before she was merged into Grace.
            post(linus, "Ada in Slack: saved by Linus", 9);
            store.personalRecords().credit(adasAccount, posts.get(6));
            store.personalRecords().credit(adasAccount, posts.get(6)); // a retry of the save
            store.people().merge(ada, grace);
        }

        private void post(Person author, String text, int minute) {
            Post post = new Post(Ulid.random(Sample.minute(minute)), guild.id(), guild.slug(), author.id(),
                    author.displayName(), author == grace ? ciment.core.model.Platform.TEAMS : ciment.core.model.Platform.SLACK,
                    text, Sample.minute(minute));
            store.posts().add(post);
            posts.add(post);
        }

        private Community create(String stewardId) {
            Community community = Sample.community(Sample.slug("privacy"), stewardId);
            store.communities().create(community, Sample.steward(community));
            return community;
        }

        void assertErased() {
            Set<String> forbidden = Set.of(grace.id(), ada.id(), adasAccount.userId(), gracesAccount.userId(),
                    adasEmail, gracesEmail);
            for (Map<String, AttributeValue> item : MotoTables.items(table)) {
                for (String text : texts(item)) {
                    for (String word : forbidden) {
                        assertFalse(text.contains(word), word + " is still named by " + item);
                    }
                }
            }
            assertEquals(Optional.empty(), store.people().find(gracesAccount));
            assertEquals(Optional.empty(), store.people().find(adasAccount));
            assertEquals(Optional.empty(), store.personalRecords().personalData(grace.id()));
            assertEquals(List.of(), store.people().declaring(Topic.of("Accessibilité" + topic).key()));

            List<Post> feed = store.posts().latest(guild.id(), 10);
            assertEquals(posts.stream().map(Post::id).toList().reversed(), feed.stream().map(Post::id).toList(),
                    "every post keeps its place");
            String removed = Post.REMOVED_TEXT;
            assertEquals(List.of(removed, "Linus says hi", removed, removed, "Linus again", removed, removed).reversed(),
                    feed.stream().map(Post::text).toList(), "Ada's words that Linus saved go too");
            assertTrue(feed.stream().filter(Post::isRemoved).allMatch(p -> p.authorId() == null));

            for (Community community : communities) {
                Community now = store.communities().find(community.slug()).orElseThrow();
                long members = MotoTables.items(table).stream()
                        .filter(i -> i.get("pk").s().equals("C#" + community.id()) && i.get("sk").s().startsWith("M#"))
                        .count();
                assertEquals(members, now.memberCount(), community.slug().value());
                assertEquals(1, now.stewardCount(), community.slug().value());
            }
            assertTrue(store.communities().find(gracesOwn.slug()).isPresent(), "a community she created stays");
            assertEquals(List.of(Erasure.FORMER_MEMBER + " deleted " + posts.get(5).reference() + ": by its author"),
                    store.conversations().audit(guild.id(), 10).stream().map(ciment.core.model.AuditEntry::sentence).toList(),
                    "the audit trail keeps the action, not who did it");
        }

        private static List<String> texts(Map<String, AttributeValue> item) {
            List<String> texts = new ArrayList<>();
            item.forEach((name, value) -> collect(value, texts));
            return texts;
        }

        private static void collect(AttributeValue value, List<String> texts) {
            if (value.s() != null) {
                texts.add(value.s());
            }
            if (value.hasSs()) {
                texts.addAll(value.ss());
            }
            if (value.hasL()) {
                value.l().forEach(v -> collect(v, texts));
            }
            if (value.hasM()) {
                value.m().values().forEach(v -> collect(v, texts));
            }
        }
    }
}
