package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.NoticeSender;
import ciment.core.port.Outbox;
import ciment.core.port.Pacing;
import ciment.core.port.Senders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each tool's delivery sends its own notices only: the senders (SlackNoticeSender, TeamsNoticeSender) are never
 * handed a notice to another tool's account, and such a notice is not claimed either (the other function's).
 */
class DeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<String> claimed = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final Outbox outbox = new Outbox() {
        @Override
        public Claim claim(String noticeId, Instant now) {
            claimed.add(noticeId);
            return Claim.CLAIMED;
        }

        @Override
        public boolean delivered(String noticeId, Instant now) {
            return true;
        }

        @Override
        public boolean released(String noticeId, Instant claimedAt, String reason) {
            return true;
        }
    };

    private Delivery deliveryThrough(Platform tool) {
        NoticeSender sender = new NoticeSender() {
            @Override
            public Platform platform() {
                return tool;
            }

            @Override
            public void send(Notice notice) {
                sent.add(notice.id());
            }
        };
        return new Delivery(outbox, null, null, new Senders(sender, null, Pacing.NONE), CLOCK);
    }

    private static Notice noticeTo(Platform platform, String id) {
        return new Notice(id, Recipient.direct(new ChatAccount(platform, "W0HERE", "U0THEO"), null),
                "Welcome to data-guild.", NOW);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void noticeToAnotherToolsAccount_isNeitherClaimedNorSent_andNeedsNothingMore(Platform tool) {
        Platform other = tool == Platform.SLACK ? Platform.TEAMS : Platform.SLACK;

        assertEquals(DeliveryOutcome.DONE, deliveryThrough(tool).notice(noticeTo(other, "01OTHER")));

        assertEquals(List.of(), claimed);
        assertEquals(List.of(), sent);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void noticeToItsOwnToolsAccount_isClaimedAndSent(Platform tool) {
        assertEquals(DeliveryOutcome.DONE, deliveryThrough(tool).notice(noticeTo(tool, "01OWN")));

        assertEquals(List.of("01OWN"), claimed);
        assertEquals(List.of("01OWN"), sent);
    }
}
