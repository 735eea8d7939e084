package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Notice;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.FakeUploadTarget;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.BotConnectorAuth;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.OpenIdKeys;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.TeamsEndpoint;
import ciment.teams.outbound.TeamsDataFile;
import ciment.teams.outbound.TeamsNoticeSender;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileInfoCard;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * export-my-data in Teams through the real SDK: signed activities (RS256 tokens minted by the fake Bot
 * Connector and checked against its published keys), the notice sent as a file consent card in the
 * personal chat, the consent answered by a fileConsent/invoke, the file PUT to a loopback upload URL.
 */
class TeamsDataFileTest {
    private final Clock clock = Clock.systemUTC();
    private final FakeBotFramework fake = FakeBotFramework.start();
    private final FakeUploadTarget uploads = FakeUploadTarget.start();
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final ClientCredentials credentials = new ClientCredentials(fake.appId(), fake.appPassword(),
            URI.create(fake.oauthTokenUrl()), clock);
    private final TeamsEndpoint endpoint = new TeamsEndpoint(
            new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null),
            new CimentBot(new Ciment(store, clock), clock),
            new BotConnectorAuth(fake.appId(), new OpenIdKeys(URI.create(fake.openIdMetadataUrl()), clock), clock));
    private final FakeBotFramework.Member ada = fake.addMember(FakeBotFramework.Member.of("29:ada", "aad-ada",
            "Ada Lovelace", "ada@example.org", "ada@example.org", "tenant-1"));

    @AfterEach
    void stop() {
        uploads.close();
        fake.close();
    }

    private TeamsActivities.Message fromAda() {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant("tenant-1")
                .from(ada.id(), ada.aadObjectId(), ada.name()).direct();
    }

    private TeamsEndpoint.Answer signed(TeamsActivities.Message message) {
        return endpoint.handle(message.json(), FakeBotFramework.bearer(fake.token(fake.serviceUrl())));
    }

    private String lastText() {
        return fake.sent().getLast().text();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lastAttachments() {
        return (List<Map<String, Object>>) fake.sent().getLast().activity().get("attachments");
    }

    /** Ada asks for her file; the notice is sent by the Teams sender as the delivery function would. */
    private Map<String, Object> consentCardSent() throws Exception {
        assertEquals(200, signed(fromAda().text("skills add Accessibility")).status());
        assertEquals(200, signed(fromAda().text("export-my-data")).status());
        assertEquals("Your file is on its way to your direct messages with Ciment.", lastText());
        Notice notice = memory.outbox().getLast();
        new TeamsNoticeSender(credentials, fake.serviceUrl(), store.personalRecords(), clock).send(notice);
        return lastAttachments().getFirst();
    }

    private Map<String, Object> consentAnswer(String action, Object context) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "fileUpload");
        value.put("action", action);
        value.put("context", context);
        if (action.equals("accept")) {
            value.put("uploadInfo", Map.of("name", TeamsDataFile.NAME, "uploadUrl", uploads.uploadUrl("01SESSION"),
                    "contentUrl", "https://contoso-my.sharepoint.com/personal/ada/Documents/Applications/Ciment/"
                            + TeamsDataFile.NAME, "uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C", "fileType", "json"));
        }
        return value;
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportMyData_isAFileConsentCardInAdasPersonalChat_sizedAsHerFile() throws Exception {
        Map<String, Object> attachment = consentCardSent();

        assertEquals(FileConsentCard.CONTENT_TYPE, attachment.get("contentType"));
        assertEquals(TeamsDataFile.NAME, attachment.get("name"));
        Map<String, Object> card = (Map<String, Object>) attachment.get("content");
        long size = TeamsDataFile.render(store.personalRecords().personalData(store.people().find(
                new ciment.core.model.ChatAccount(ciment.core.model.Platform.TEAMS, "tenant-1", "aad-ada"))
                .orElseThrow().id()).orElseThrow(), clock.instant()).length;
        assertTrue(Math.abs(((Number) card.get("sizeInBytes")).longValue() - size) < 40, card.toString());
        assertEquals(fake.personalChatWith(ada).orElseThrow(), fake.sent().getLast().conversationId());
    }

    @Test
    void accepted_putsHerJsonToTheUploadUrlWhole_thenShowsAFileCard_andAnswers200() throws Exception {
        Map<String, Object> card = consentCardSent();
        @SuppressWarnings("unchecked")
        Object context = ((Map<String, Object>) card.get("content")).get("acceptContext");

        TeamsEndpoint.Answer answer = signed(fromAda().invoke("fileConsent/invoke", consentAnswer("accept", context)));

        assertEquals(200, answer.status());
        FakeUploadTarget.Put put = uploads.puts().getFirst();
        assertEquals("PUT", put.method());
        int length = put.bytes().length;
        assertEquals("bytes 0-" + (length - 1) + "/" + length, put.contentRange());
        String json = new String(put.bytes(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"displayName\": \"Ada Lovelace\"") && json.contains("Accessibility"), json);
        Map<String, Object> shown = lastAttachments().getFirst();
        assertEquals(FileInfoCard.CONTENT_TYPE, shown.get("contentType"));
        assertEquals(TeamsDataFile.NAME, shown.get("name"));
        assertTrue(String.valueOf(shown.get("contentUrl")).endsWith("/Ciment/" + TeamsDataFile.NAME));
        assertEquals(Map.of("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C", "fileType", "json"), shown.get("content"));
    }

    @Test
    void declined_sendsNothing_andSaysSo() throws Exception {
        Map<String, Object> card = consentCardSent();
        @SuppressWarnings("unchecked")
        Object context = ((Map<String, Object>) card.get("content")).get("declineContext");

        assertEquals(200, signed(fromAda().invoke("fileConsent/invoke", consentAnswer("decline", context))).status());

        assertEquals(List.of(), uploads.puts());
        assertEquals(Catalogue.ENGLISH.say("teams.file.declined"), lastText());
    }

    @Test
    void uploadRefused_isToldToAda_andTheInvokeStillAnswers200() throws Exception {
        Map<String, Object> card = consentCardSent();
        @SuppressWarnings("unchecked")
        Object context = ((Map<String, Object>) card.get("content")).get("acceptContext");
        uploads.failNext(503, 1);

        assertEquals(200, signed(fromAda().invoke("fileConsent/invoke", consentAnswer("accept", context))).status());

        assertEquals(Catalogue.ENGLISH.say("teams.file.notTaken"), lastText());
    }

    @Test
    void unsignedConsentAnswer_is401_andUploadsNothing() {
        TeamsEndpoint.Answer answer = endpoint.handle(fromAda()
                .invoke("fileConsent/invoke", consentAnswer("accept", Map.of("kind", "ciment-my-data"))).json(), null);

        assertEquals(401, answer.status());
        assertEquals(List.of(), uploads.puts());
    }
}
