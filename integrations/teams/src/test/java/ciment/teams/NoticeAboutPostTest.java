package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.devkit.teams.FakeBotFramework;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.outbound.TeamsNoticeSender;
import ciment.teams.render.TeamsRepliesTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A notice about a post (a mention) reaches Teams as a card to open its thread or reply, and is a copy of the post. */
class NoticeAboutPostTest {
    private static final String TENANT = "tenant-mentions";
    private static final String ROOT = "01JD0000000000000000000000";
    private static final String REPLY = "01JD1111111111111111111111";
    private static final String SENTENCE = "Ada Lovelace mentioned you in data-guild: “thanks @Theo”.";

    private final FakeBotFramework fake = FakeBotFramework.start();
    private final FakeBotFramework.Member theo = fake.addMember(FakeBotFramework.Member.of(
            "29:theo", "aad-theo", "Theo", "theo@example.com", "theo@example.com", TENANT));
    private final MemoryCopies copies = new MemoryCopies();
    private final TeamsNoticeSender sender = new TeamsNoticeSender(
            new ClientCredentials(fake.appId(), fake.appPassword(), URI.create(fake.oauthTokenUrl()), Clock.systemUTC()),
            fake.serviceUrl(), personId -> Optional.empty(), copies, Clock.systemUTC());

    @AfterEach
    void stop() {
        fake.close();
    }

    private Notice mention(String post) {
        return Notice.aboutPost("01NOTICE", Recipient.direct(new ChatAccount(Platform.TEAMS, TENANT, "aad-theo"),
                fake.serviceUrl()), SENTENCE, Instant.parse("2026-11-27T10:00:00Z"), post);
    }

    @Test
    void mentionInAReply_isACardWithTheSentence_openThreadAndReplyToItsThread_andIsRecordedAsACopy() throws Exception {
        sender.send(mention("#" + ROOT + "/" + REPLY));

        FakeBotFramework.SentActivity sent = fake.sent().get(0);
        assertEquals(fake.personalChatWith(theo).orElseThrow(), sent.conversationId(), "by DM");
        JsonNode card = Serialization.objectToTree(sent.attachmentContents().get(0));
        TeamsRepliesTest.assertValidAdaptiveCard(card);
        assertEquals(SENTENCE, ciment.devkit.teams.TeamsMarkup.line(card.path("body").get(0)));
        assertEquals(List.of("Open thread", "Reply"), card.path("actions").findValuesAsText("title").subList(0, 2));
        JsonNode thread = card.findParents("verb").stream().filter(a -> a.path("verb").asText().equals("thread"))
                .findFirst().orElseThrow();
        assertEquals("#" + ROOT, thread.path("data").path("ref").asText(), "the thread, not the reply alone");
        assertEquals(SENTENCE, sent.activity().get("summary"), "what Teams shows in its notification");
        assertEquals(Optional.of("#" + ROOT + "/" + REPLY),
                copies.find(Platform.TEAMS, sent.conversationId(), sent.id()), "the message Teams gave back");
    }

    @Test
    void noticeAboutNoPost_staysPlainText_andNoCopyIsRecorded() throws Exception {
        sender.send(new Notice("01PLAIN", Recipient.direct(new ChatAccount(Platform.TEAMS, TENANT, "aad-theo"),
                fake.serviceUrl()), "You are invited to data-guild.", Instant.parse("2026-11-27T10:00:00Z")));

        assertEquals("You are invited to data-guild.", fake.sent().get(0).text());
        assertTrue(fake.sent().get(0).attachmentContents().isEmpty());
        assertEquals(0, copies.size());
    }
}
