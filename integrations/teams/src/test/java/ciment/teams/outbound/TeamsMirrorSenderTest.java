package ciment.teams.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Channel;
import ciment.core.i18n.Language;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.port.MirrorSender;
import ciment.devkit.teams.FakeBotFramework;
import ciment.teams.auth.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mirrored posts as the fake Bot Connector receives them: cards, reply chains, updates, deletions, faults. */
class TeamsMirrorSenderTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final String CHANNEL = "19:data@thread.tacv2";

    private final FakeBotFramework fake = FakeBotFramework.start();
    private final TeamsMirrorSender sender = new TeamsMirrorSender(new ClientCredentials(fake.appId(),
            fake.appPassword(), URI.create(fake.oauthTokenUrl()), Clock.systemUTC()), "http://127.0.0.1:1/unused/");
    private final Link link = new Link("C1", new Slug("data-guild"), new Channel(Platform.TEAMS, "tenant", CHANNEL,
            "Data", fake.serviceUrl()), "P1", AT);
    private final Post post = new Post("01M8E75480RSYGZZ39R014VJN4", "C1", new Slug("data-guild"), "P2", "Ada_Lovelace*",
            Platform.SLACK, "Fridays are for demos", AT);

    @AfterEach
    void stop() {
        fake.close();
    }

    /** The card as a reader sees it (Ciment's bold between **). */
    private static String card(FakeBotFramework.SentActivity activity) {
        return ciment.devkit.teams.TeamsMarkup.readable(ciment.devkit.teams.TeamsMarkup.tree(activity.json())
                .path("attachments").path(0).path("content"));
    }

    @Test
    void send_postsACardNamingTheAuthorViaSlack_intoTheChannel_withTheBotsToken_andReturnsItsId() throws Exception {
        String id = sender.send(link, post, Optional.empty());

        List<FakeBotFramework.SentActivity> sent = fake.sentTo(CHANNEL);
        assertEquals(1, sent.size());
        assertEquals(sent.get(0).id(), id);
        assertTrue(card(sent.get(0)).contains("**Ada_Lovelace*** · via Slack"), card(sent.get(0)));
        assertTrue(card(sent.get(0)).contains("Fridays are for demos") && card(sent.get(0)).contains(post.reference()));
        assertEquals("application/vnd.microsoft.card.adaptive", sent.get(0).attachmentTypes().get(0));
        assertEquals("Bearer " + fake.issuedAccessTokens().get(0), sent.get(0).authorization());
    }

    @Test
    void reply_goesIntoTheReplyChainOfTheThreadsMessage() throws Exception {
        Post reply = Post.reply("01M8E75480RSYGZZ39R014VJN5", post.id(), "C1", new Slug("data-guild"), "P3", "Bo",
                Platform.TEAMS, "I will", AT);

        sender.send(link, reply, Optional.of("1700000000042"));

        List<FakeBotFramework.SentActivity> sent = fake.sentTo(CHANNEL + ";messageid=1700000000042");
        assertEquals(1, sent.size(), fake.sent().toString());
        assertTrue(card(sent.get(0)).contains("**Bo** · via Teams"));
    }

    @Test
    void update_redrawsTheCardAsThePostIsNow_andDelete_deletesTheMessage() throws Exception {
        sender.update(link, "sent-7", post.editedTo("Thursdays now").withReactions(Map.of("thumbsup", 2)));
        sender.delete(link, "sent-7");

        FakeBotFramework.SentActivity updated = fake.updated().get(0);
        assertEquals(CHANNEL, updated.conversationId());
        assertEquals("sent-7", updated.id());
        assertTrue(card(updated).contains("Thursdays now") && card(updated).contains("(edited)")
                && card(updated).contains(":thumbsup: 2"), card(updated));
        assertEquals(List.of(new FakeBotFramework.DeletedActivity(CHANNEL, "sent-7",
                "Bearer " + fake.issuedAccessTokens().get(0))), fake.deleted());
    }

    @Test
    void hiddenPost_showsItsReasonWithoutButtons() throws Exception {
        sender.update(link, "sent-8", post.hiddenFor("off topic"));

        String card = card(fake.updated().get(0));
        assertTrue(card.contains("Hidden by a steward: off topic"), card);
        assertTrue(!card.contains("Action.Execute"), card);
    }

    private static String summary(FakeBotFramework.SentActivity activity) {
        return ciment.devkit.teams.TeamsMarkup.tree(activity.json()).path("summary").asText();
    }

    @Test
    void aChannelSetToFrench_getsASummaryInFrench_andAnEnglishOneInEnglish() throws Exception {
        sender.send(link.speaking(Optional.of(Language.FRENCH)), post.asRemoved(), Optional.empty());
        sender.send(link, post.asRemoved(), Optional.empty());

        List<FakeBotFramework.SentActivity> sent = fake.sentTo(CHANNEL);
        assertEquals("Cette publication a été supprimée.", summary(sent.get(0)));
        assertEquals("This post was removed.", summary(sent.get(1)));
    }

    @Test
    void throttled_isRetryAfterWithTheWaitTeamsAskedFor() {
        fake.failConnectorCalls(429, 1);

        MirrorSender.RetryAfter later = assertThrows(MirrorSender.RetryAfter.class,
                () -> sender.send(link, post, Optional.empty()));

        assertEquals(Duration.ofSeconds(1), later.waitFor());
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void botConnectorFailing_isThrownForTheStreamToRetry() {
        fake.failConnectorCalls(502, 1);

        assertThrows(IOException.class, () -> sender.send(link, post, Optional.empty()));
    }

    @Test
    void forbidden_isRefusedForGood_forTheDeadLetterQueue() {
        fake.failConnectorCalls(403, 2);

        ciment.core.port.Refused refused = assertThrows(ciment.core.port.Refused.class,
                () -> sender.send(link, post, Optional.empty()));
        assertTrue(refused.getMessage().contains("403"), refused.getMessage());
        assertThrows(ciment.core.port.Refused.class, () -> sender.delete(link, "sent-9"));
        assertEquals(List.of(), fake.deleted());
    }

    @Test
    void notFound_isRefusedForGood_exceptForADeletion_whoseCopyIsGoneAlready() throws Exception {
        fake.failConnectorCalls(404, 2);

        assertThrows(ciment.core.port.Refused.class, () -> sender.send(link, post, Optional.empty()));
        sender.delete(link, "sent-9");
        assertEquals(List.of(), fake.deleted());
    }

    @Test
    void retryAfter_isReadInSeconds_andASecondWhenUnreadable() {
        assertEquals(Duration.ofSeconds(3), ciment.core.port.MirrorSender.RetryAfter.waitOf("3"));
        assertEquals(Duration.ofSeconds(1), ciment.core.port.MirrorSender.RetryAfter.waitOf(null));
        assertEquals(Duration.ofSeconds(1), ciment.core.port.MirrorSender.RetryAfter.waitOf("Fri, 27 Nov 2026 10:00:00 GMT"));
    }
}
