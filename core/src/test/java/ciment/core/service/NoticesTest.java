package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoticesTest {
    private static final ChatAccount STEWARD = new ChatAccount(Platform.SLACK, "T1", "U1");
    private static final ChatAccount APPLICANT = new ChatAccount(Platform.TEAMS, "tenant", "aad-theo");
    private static final Recipient WHERE_THEO_ASKED = new Recipient(APPLICANT, "19:general@thread.tacv2",
            "https://smba.example/emea/");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Ciment ciment = new Ciment(store, clock, TrustedDomains.parse("example.com=tenant"));
    private int requests;

    private void steward(String text) {
        ciment.handle(new Caller(STEWARD, () -> Introduction.named("Ada"), "s" + ++requests, clock.instant(),
                mention -> Optional.of(APPLICANT), new Recipient(STEWARD, "C0GENERAL", null)), text);
    }

    private void applicant(String text) {
        ciment.handle(new Caller(APPLICANT, () -> new Introduction("Theo", Optional.of("theo@example.com"), false,
                List.of("tenant")),
                "a" + ++requests, clock.instant(), Directory.NONE, WHERE_THEO_ASKED), text);
    }

    @BeforeEach
    void aClosedCommunity_andARequestFromTeams() {
        steward("create cross-club Across tools");
        steward("close cross-club");
        applicant("join cross-club");
    }

    @Test
    void approval_isToldToTheApplicant_whereTheyAsked() {
        steward("approve cross-club theo@example.com");

        List<Notice> outbox = memory.outbox();
        assertEquals(1, outbox.size());
        assertEquals(WHERE_THEO_ASKED, outbox.get(0).to());
        assertTrue(outbox.get(0).text().startsWith("Your request to join cross-club was approved by Ada"), outbox.get(0).text());
    }

    @Test
    void decline_isToldToo_andAnAnswerToNoRequestTellsNobody() {
        steward("decline cross-club theo@example.com");
        steward("approve cross-club theo@example.com");

        assertEquals(1, memory.outbox().size());
        assertTrue(memory.outbox().get(0).text().contains("was declined by Ada"));
    }

    @Test
    void invitation_isToldToTheInvitee_directly_onTheirTool() {
        steward("open cross-club");
        applicant("leave cross-club");
        steward("create second-club Another one");
        steward("invite second-club @theo");

        Notice notice = memory.outbox().getLast();
        assertEquals(Recipient.direct(APPLICANT, null), notice.to(), "Theo is on Teams, Ada on Slack: no serviceUrl");
        assertTrue(notice.text().startsWith("Ada invited you to second-club (Another one)"), notice.text());
    }
}
