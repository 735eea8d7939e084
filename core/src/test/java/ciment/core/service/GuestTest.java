package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuestTest {
    private static final ChatAccount STEWARD = new ChatAccount(Platform.SLACK, "T1", "U1");
    private static final ChatAccount PARTNER = new ChatAccount(Platform.SLACK, "T-PARTNER", "U9");
    private final Repositories store = InMemoryRepositories.create();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Ciment ciment = new Ciment(store, clock);
    private final Directory directory = new Directory() {
        @Override
        public Optional<ChatAccount> accountOf(String mention) {
            return mention.equals("@partner") ? Optional.of(PARTNER) : Optional.empty();
        }

        @Override
        public Optional<Introduction> introduce(ChatAccount account) {
            return Optional.of(new Introduction("Pat Partner", Optional.of("pat@partner.example"), true));
        }
    };
    private int requests;

    private Reply steward(String text) {
        return ciment.handle(new Caller(STEWARD, () -> Introduction.named("Sam"), "s" + ++requests, clock.instant(),
                directory), text);
    }

    private Reply partner(String text) {
        return ciment.handle(new Caller(PARTNER, () -> new Introduction("Pat Partner", Optional.empty(), true),
                "p" + ++requests, clock.instant()), text);
    }

    @BeforeEach
    void twoCommunities_oneOfThemWithThePartnerInvited() {
        steward("create supplier-desk Working with our suppliers");
        steward("create internal-only Staff talk");
        steward("post internal-only Not for partners");
        assertTrue(steward("invite supplier-desk @partner").summary().contains("Pat Partner is invited"));
    }

    @Test
    void guest_seesOnlyWhereInvited() {
        var listed = (Reply.CommunityList) partner("communities");
        assertEquals(List.of("supplier-desk"), listed.communities().stream().map(l -> l.community().slug().value()).toList());
    }

    @Test
    void invitedGuest_isToldSoByInfoAndTheList() {
        assertEquals(Reply.Standing.INVITED, ((Reply.Info) partner("info supplier-desk")).standing());
        assertTrue(((Reply.CommunityList) partner("communities")).communities().get(0).invited());
    }

    @Test
    void guestInvitedNowhere_isToldHowGuestsGetIn_notToCreateACommunity() {
        ChatAccount stranger = new ChatAccount(Platform.SLACK, "T-OTHER", "U7");
        Reply reply = ciment.handle(new Caller(stranger, () -> new Introduction("Stan", Optional.empty(), true), "x1",
                clock.instant()), "communities");
        assertEquals("No community has invited you yet: a steward lets guests in with invite.", reply.summary());
    }

    @Test
    void guest_askingAboutAnotherCommunity_isToldItDoesNotExist() {
        for (String command : List.of("info internal-only", "feed internal-only", "join internal-only",
                "post internal-only hi", "leave internal-only")) {
            Reply reply = partner(command);
            assertInstanceOf(Reply.Refused.class, reply, command);
            assertTrue(reply.summary().startsWith("There is no community called internal-only"), reply.summary());
        }
    }

    @Test
    void invitedGuest_joinsAndPosts_butCannotCreateStewardOrSearchPeople() {
        assertInstanceOf(Reply.Done.class, partner("join supplier-desk"));
        assertInstanceOf(Reply.Posted.class, partner("post supplier-desk Delivery on Monday"));
        assertInstanceOf(Reply.Refused.class, partner("create partner-club Our own"));
        assertInstanceOf(Reply.Refused.class, partner("who sql"));
        assertTrue(steward("steward add supplier-desk @partner").summary().contains("is a guest"));
    }

    @Test
    void invitation_isUsedUpByJoining_soLeavingClosesTheDoorAgain() {
        partner("join supplier-desk");
        partner("leave supplier-desk");
        assertInstanceOf(Reply.Refused.class, partner("join supplier-desk"));
    }

    @Test
    void invitationToAClosedCommunity_letsAnEmployeeInWithoutARequest() {
        ChatAccount employee = new ChatAccount(Platform.SLACK, "T1", "U2");
        Directory toEmployee = mention -> Optional.of(employee);
        ciment.handle(new Caller(employee, () -> Introduction.named("Eve"), "e1", clock.instant()), "communities");
        steward("close internal-only");
        ciment.handle(new Caller(STEWARD, () -> Introduction.named("Sam"), "s-x", clock.instant(), toEmployee),
                "invite internal-only @eve");

        Reply joined = ciment.handle(new Caller(employee, () -> Introduction.named("Eve"), "e2", clock.instant()),
                "join internal-only");
        assertTrue(joined.summary().startsWith("Welcome to internal-only"), joined.summary());
    }
}
