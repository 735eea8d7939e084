package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Notice;
import ciment.core.model.Recipient;
import ciment.core.model.Ulid;
import ciment.core.port.Outbox.Claim;
import ciment.core.port.Repositories;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Notices written to the outbox, and their delivery's claims: each notice is sent by one attempt at a time, once. */
class DynamoOutboxTest {
    private static final Instant SENT = Instant.parse("2026-11-27T10:00:00Z");

    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;
    private static Outbox outbox;

    @BeforeAll
    static void table() {
        table = MotoTables.create("outbox");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
        outbox = new Outbox(MotoTables.CLIENT, table, dynamo.meter());
    }

    @Test
    void send_writesOneOutboxItem_withTheRecipientAtTheTopLevel_andATtlThreeDaysLater() {
        Notice notice = notice(Sample.teamsChannel(), "Your request to join rust-guild was approved by Ada.");

        store.notices().send(notice);

        Map<String, AttributeValue> item = item(notice.id());
        assertEquals("OUT#" + notice.id(), item.get("pk").s());
        assertEquals("OUT", item.get("sk").s());
        assertEquals("teams", item.get("platform").s(), "the delivery functions' stream filters match on it");
        assertEquals(notice.to().account().workspace(), item.get("workspace").s());
        assertEquals(notice.to().account().userId(), item.get("userId").s());
        assertEquals(notice.to().conversationId(), item.get("conversationId").s());
        assertEquals("https://smba.trafficmanager.net/emea/", item.get("serviceUrl").s());
        assertEquals(notice.text(), item.get("text").s());
        assertEquals(SENT.toString(), item.get("at").s());
        assertEquals(SENT.plus(Duration.ofDays(3)).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()));
        assertFalse(item.containsKey("gsi1pk"), "not in the index: it would double the writes");
        assertEquals(Optional.of(notice), Outbox.notice(item));
    }

    @Test
    void send_directOnSlack_hasNoConversationNorServiceUrl_andReadsBackTheSame() {
        Notice notice = notice(Recipient.direct(Sample.slackChannel().account(), null), "You are invited to rust-guild.");

        store.notices().send(notice);

        Map<String, AttributeValue> item = item(notice.id());
        assertEquals("slack", item.get("platform").s());
        assertFalse(item.containsKey("conversationId"));
        assertFalse(item.containsKey("serviceUrl"));
        assertEquals(Optional.of(notice), Outbox.notice(item));
    }

    @Test
    void send_keepsTheLanguageTheTextIsSaidIn_andAnItemFromBeforeLanguagesReadsAsEnglish() {
        Notice french = Notice.told(Ulid.random(SENT), Sample.slackChannel(), Catalogue.of(Language.FRENCH).orElseThrow(),
                Message.of("delivery.export.file"), SENT);

        store.notices().send(french);

        Map<String, AttributeValue> item = new HashMap<>(item(french.id()));
        assertEquals("fr", item.get("language").s());
        assertEquals(Optional.of(french), Outbox.notice(item));
        item.remove("language");
        assertEquals(Language.ENGLISH, Outbox.notice(item).orElseThrow().language());
    }

    @Test
    void send_sameNoticeTwice_keepsTheFirst() {
        Notice notice = notice(Sample.slackChannel(), "first");
        store.notices().send(notice);

        store.notices().send(new Notice(notice.id(), notice.to(), "second", notice.at()));

        assertEquals("first", item(notice.id()).get("text").s());
    }

    @Test
    void notice_ofAnItemThatIsNotInTheOutbox_isEmpty() {
        var community = Sample.community(Sample.slug("not-outbox"), Sample.personId());
        Map<String, AttributeValue> post = PostItems.post(Sample.post(community, Sample.personId(), "hello", Sample.T0));

        assertEquals(Optional.empty(), Outbox.notice(post));
        assertEquals(Optional.empty(), Outbox.notice(CommunityItems.community(community, List.of())));
    }

    @Test
    void notice_ofAnOutboxItemMissingItsText_fails() {
        Map<String, AttributeValue> item = new HashMap<>(NoticeItems.notice(notice(Sample.slackChannel(), "x"), SENT));
        item.remove("text");

        assertThrows(IllegalStateException.class, () -> Outbox.notice(item));
    }

    @Test
    void claim_new_isClaimed_thenBusyForAnotherAttempt_andCountsTheAttempt() {
        Notice notice = sent();

        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT.plusSeconds(1)));
        assertEquals(Claim.BUSY, outbox.claim(notice.id(), SENT.plusSeconds(30)));

        Map<String, AttributeValue> item = item(notice.id());
        assertEquals(SENT.plusSeconds(1).toEpochMilli(), Long.parseLong(item.get("claimedAt").n()));
        assertEquals("1", item.get("attempts").n());
    }

    @Test
    void claim_leftByACrashedAttempt_canBeTakenAfterAMinute() {
        Notice notice = sent();
        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT));

        assertEquals(Claim.BUSY, outbox.claim(notice.id(), SENT.plusSeconds(59)));
        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT.plusSeconds(61)));

        assertEquals("2", item(notice.id()).get("attempts").n());
    }

    @Test
    void claim_afterDelivered_isDelivered_andWritesNothing() {
        Notice notice = sent();
        outbox.claim(notice.id(), SENT);
        assertTrue(outbox.delivered(notice.id(), SENT.plusSeconds(1)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Claim.DELIVERED, outbox.claim(notice.id(), SENT.plusSeconds(2)));
        assertEquals(Claim.DELIVERED, outbox.claim(notice.id(), SENT.plus(Duration.ofHours(1))));
        assertFalse(outbox.delivered(notice.id(), SENT.plusSeconds(3)), "delivered once");

        assertEquals(before, MotoTables.items(table));
        assertEquals(SENT.plusSeconds(1).toString(), item(notice.id()).get("deliveredAt").s());
    }

    @Test
    void claim_ofANoticeThatIsNotThere_isGone_andCreatesNoItem() {
        String id = Ulid.random(SENT);
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Claim.GONE, outbox.claim(id, SENT));
        assertFalse(outbox.delivered(id, SENT));
        assertFalse(outbox.released(id, SENT, "boom"));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void released_letsTheNextAttemptClaimAtOnce_andKeepsWhy() {
        Notice notice = sent();
        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT));

        assertTrue(outbox.released(notice.id(), SENT, "HTTP 503 from the Bot Connector"));

        Map<String, AttributeValue> item = item(notice.id());
        assertFalse(item.containsKey("claimedAt"));
        assertEquals("HTTP 503 from the Bot Connector", item.get("lastError").s());
        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT.plusSeconds(1)));
        assertEquals("2", item(notice.id()).get("attempts").n());
    }

    @Test
    void released_byAnAttemptWhoseClaimLapsed_leavesTheNewerClaim() {
        Notice notice = sent();
        outbox.claim(notice.id(), SENT);
        assertEquals(Claim.CLAIMED, outbox.claim(notice.id(), SENT.plusSeconds(90)), "the first attempt stalled");

        assertFalse(outbox.released(notice.id(), SENT, "timed out"));

        assertEquals(Claim.BUSY, outbox.claim(notice.id(), SENT.plusSeconds(91)));
    }

    @Test
    void released_afterDelivered_changesNothing() {
        Notice notice = sent();
        outbox.claim(notice.id(), SENT);
        outbox.delivered(notice.id(), SENT.plusSeconds(1));
        Map<String, AttributeValue> before = item(notice.id());

        assertFalse(outbox.released(notice.id(), SENT, "late failure"));

        assertEquals(before, item(notice.id()));
    }

    @Test
    void claim_byTenAttemptsAtOnce_isClaimedByOne() {
        Notice notice = sent();

        List<Claim> claims = Race.run(10, runner -> outbox.claim(notice.id(), SENT.plusMillis(runner)));

        assertEquals(1, claims.stream().filter(c -> c == Claim.CLAIMED).count(), claims.toString());
        assertEquals(9, claims.stream().filter(c -> c == Claim.BUSY).count(), claims.toString());
        assertEquals("1", item(notice.id()).get("attempts").n());
    }

    @Test
    void everyRequest_isMetered_underOutbox() {
        CapacityMeter meter = new CapacityMeter(CapacityMeter.Source.COMPUTED);
        Outbox metered = new Outbox(MotoTables.CLIENT, table, meter);
        Notice notice = notice(Sample.teamsChannel(), "metered");

        metered.send(notice);
        metered.claim(notice.id(), SENT);
        metered.claim(notice.id(), SENT.plusSeconds(1));
        metered.released(notice.id(), SENT, "boom");
        metered.claim(notice.id(), SENT.plusSeconds(2));
        metered.delivered(notice.id(), SENT.plusSeconds(3));
        metered.claim(notice.id(), SENT.plusSeconds(4));

        // Each item is under 1 KB: one write unit per request, refused ones included; the put also writes the
        // notice's keys-only index entry under its account (erase-my-data deletes the notices to a person).
        assertEquals(Units.write(2), meter.usage("outbox.send").computed());
        assertEquals(new CapacityMeter.Usage(4, meter.usage("outbox.claim").reported(), Units.write(4)),
                meter.usage("outbox.claim"));
        assertEquals(Units.write(1), meter.usage("outbox.released").computed());
        assertEquals(Units.write(1), meter.usage("outbox.delivered").computed());
        assertEquals(7, meter.total().requests());
    }

    @Test
    void send_throughTheStore_isMeteredUnderOutboxSend() {
        dynamo.meter().reset();

        store.notices().send(notice(Sample.slackChannel(), "via the store"));

        assertEquals(1, dynamo.meter().usage("outbox.send").requests());
        assertEquals(1, dynamo.meter().total().requests());
    }

    private static Notice sent() {
        Notice notice = notice(Sample.slackChannel(), "Your request to join rust-guild was declined by Ada.");
        store.notices().send(notice);
        return notice;
    }

    private static Notice notice(Recipient to, String text) {
        return new Notice(Ulid.random(SENT), to, text, SENT);
    }

    private static Map<String, AttributeValue> item(String noticeId) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.outbox(noticeId)).consistentRead(true)).item();
    }
}
