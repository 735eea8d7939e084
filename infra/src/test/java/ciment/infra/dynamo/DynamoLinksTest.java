package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Language;
import ciment.core.model.Channel;
import ciment.core.model.Community;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linked channels and the copies of posts mirroring records, on moto's DynamoDB. */
class DynamoLinksTest {
    private static Repositories store;
    private static DynamoMirrors mirrors;
    private static final String STEWARD = Sample.personId();

    @BeforeAll
    static void table() {
        String table = MotoTables.create("links");
        store = MotoTables.repositories(table).repositories();
        mirrors = new DynamoMirrors(MotoTables.CLIENT, table, new CapacityMeter(CapacityMeter.Source.COMPUTED));
    }

    private static Link link(Community community, Channel channel) {
        return new Link(community.id(), community.slug(), channel, STEWARD, Sample.T0);
    }

    @Test
    void aChannel_isLinkedToOneCommunityAtMost_andUnlinkingFreesIt() {
        Community one = Sample.community(Sample.slug("one"), Sample.personId());
        Community two = Sample.community(Sample.slug("two"), Sample.personId());
        Channel general = new Channel(Platform.TEAMS, "tenant", "19:general@thread.tacv2", "General",
                "https://smba.example/");
        Channel slack = new Channel(Platform.SLACK, "T1", "C0GEN", "general", null);

        assertTrue(store.links().link(link(one, general)));
        assertTrue(store.links().link(link(one, slack)));
        assertFalse(store.links().link(link(two, general)), "linked elsewhere already");

        assertEquals(Optional.of(link(one, general)), store.links().linkOf(general));
        assertEquals(List.of(general.key(), slack.key()).stream().sorted().toList(),
                store.links().links(one.id()).stream().map(l -> l.channel().key()).sorted().toList());
        assertEquals(List.of(), store.links().links(two.id()));

        assertTrue(store.links().unlink(link(one, general)));
        assertFalse(store.links().unlink(link(one, general)));
        assertTrue(store.links().link(link(two, general)));
    }

    @Test
    void aLinksLanguage_isKeptOnBothItems_clearedByDefault_andNotSetOnceTheChannelIsLinkedElsewhere() {
        Community one = Sample.community(Sample.slug("one"), Sample.personId());
        Community two = Sample.community(Sample.slug("two"), Sample.personId());
        Channel general = new Channel(Platform.SLACK, "T1", "C0LANG", "general", null);
        store.links().link(link(one, general));

        assertTrue(store.links().setLanguage(link(one, general).speaking(Optional.of(Language.FRENCH))));

        assertEquals(Optional.of(Language.FRENCH), store.links().linkOf(general).orElseThrow().language());
        assertEquals(List.of(Optional.of(Language.FRENCH)),
                store.links().links(one.id()).stream().map(Link::language).toList());
        assertTrue(store.links().setLanguage(link(one, general)));
        assertEquals(Optional.empty(), store.links().linkOf(general).orElseThrow().language());

        store.links().unlink(link(one, general));
        store.links().link(link(two, general));
        assertFalse(store.links().setLanguage(link(one, general).speaking(Optional.of(Language.FRENCH))));
        assertEquals(Optional.empty(), store.links().linkOf(general).orElseThrow().language());
    }

    @Test
    void aCopy_isClaimedOnce_sentOnce_andAnOriginIsNeverClaimed() {
        Community community = Sample.community(Sample.slug("copies"), Sample.personId());
        Post post = Sample.post(community, Sample.personId(), "Hello", Sample.minute(1));
        Instant now = Sample.minute(2);

        assertEquals(DynamoMirrors.Claim.CLAIMED, mirrors.claim(post, Platform.SLACK, "C0A", now));
        assertEquals(DynamoMirrors.Claim.BUSY, mirrors.claim(post, Platform.SLACK, "C0A", now.plusSeconds(1)));
        mirrors.sent(post, Platform.SLACK, "C0A", "1700000000.000100");
        assertEquals(DynamoMirrors.Claim.SENT, mirrors.claim(post, Platform.SLACK, "C0A", now.plusSeconds(600)));
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0A", "1700000000.000100"));

        store.messageCopies().recordOrigin(Platform.TEAMS, "19:origin@thread.tacv2", "1700000000001", post.reference());
        assertEquals(DynamoMirrors.Claim.SENT, mirrors.claim(post, Platform.TEAMS, "19:origin@thread.tacv2", now));
        List<DynamoMirrors.Copy> copies = mirrors.copiesOf(post.id());
        assertEquals(2, copies.size());
        assertTrue(copies.stream().anyMatch(c -> c.origin() && c.platform() == Platform.TEAMS));
    }

    @Test
    void aClaimLeftByAnAttemptThatStopped_lapses_andAReleasedOneIsClaimedAgainAtOnce() {
        Community community = Sample.community(Sample.slug("lapse"), Sample.personId());
        Post post = Sample.post(community, Sample.personId(), "Hello", Sample.minute(1));
        Instant now = Sample.minute(2);

        mirrors.claim(post, Platform.TEAMS, "19:a@thread.tacv2", now);
        assertEquals(DynamoMirrors.Claim.LAPSED, mirrors.claim(post, Platform.TEAMS, "19:a@thread.tacv2",
                now.plus(DynamoMirrors.CLAIM_LASTS).plusSeconds(1)));

        mirrors.claim(post, Platform.SLACK, "C0B", now);
        mirrors.release(post, Platform.SLACK, "C0B");
        assertEquals(DynamoMirrors.Claim.CLAIMED, mirrors.claim(post, Platform.SLACK, "C0B", now.plusSeconds(1)));
    }
}
