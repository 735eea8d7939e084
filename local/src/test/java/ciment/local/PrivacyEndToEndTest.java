package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.FakeUploadTarget;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 3, item 8 over HTTP, to the end: export-my-data's file reaches the person in their direct messages
 * (Slack: uploaded to the app's DM; Teams: a file consent card in the personal chat, accepted, PUT to the
 * upload URL), then erase-my-data, confirmed, leaves no item of the person in the table (a scan says so),
 * while their posts stay in their community's feed as removed.
 */
class PrivacyEndToEndTest {
    private static final Pattern PERSON_ID = Pattern.compile("\"profile\": \\{\\s*\"id\": \"([^\"]+)\"");

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void slack_exportMyData_isAFileInTheAppsDm_andEraseLeavesNoItemOfThePerson() {
        SlackUser steward = stack.slackUser("U0PRIV0001", "Olga");
        SlackUser ada = stack.slackUser("U0PRIV0002", "Ada");
        steward.ciment("create privacy-slack Data and us");
        ada.ciment("join privacy-slack");
        assertTrue(ada.ciment("post privacy-slack My first words").says("Posted"));
        ada.ciment("skills add Accessibility");

        assertTrue(ada.ciment("export-my-data").says("Your file is on its way to your direct messages with Ciment."));

        FakeSlackApi.Upload upload = eventually(() -> stack.slackApi.uploads().stream()
                .filter(u -> u.text().contains("\"user\": \"U0PRIV0002\"")).toList(), "Ada's file").get(0);
        assertEquals("ciment-my-data.json", upload.filename());
        assertTrue(upload.text().contains("\"text\": \"My first words\""), upload.text());
        assertTrue(upload.text().contains("\"skills\": [\"Accessibility\"]"), upload.text());
        assertFalse(upload.text().contains("Data and us\""), "not the community's purpose, only her place in it");
        eventually(() -> stack.slackApi.calls("files.completeUploadExternal").stream()
                .filter(c -> "D0U0PRIV0002".equals(c.param("channel_id"))).toList(), "the file shared in her DM");
        String personId = personIdIn(upload.text());

        assertTrue(ada.ciment("erase-my-data").says("erase-my-data confirm"));
        assertTrue(ada.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));

        assertNothingNames(List.of(personId, "U0PRIV0002", "u0priv0002@example.com"));
        assertTrue(steward.ciment("feed privacy-slack").says("removed"));
        assertFalse(steward.ciment("feed privacy-slack").says("My first words"));
    }

    @Test
    void teams_exportMyData_isAConsentCardInThePersonalChat_acceptedItIsUploaded_andEraseLeavesNoItem() {
        TeamsUser steward = stack.teamsUser("Petra");
        TeamsUser grace = stack.teamsUser("Grace");
        steward.ciment("create privacy-teams Data and us");
        grace.ciment("join privacy-teams");
        assertTrue(grace.ciment("post privacy-teams Hello from Teams").says("Posted"));

        assertTrue(grace.ciment("export-my-data").says("Your file is on its way"));

        FakeBotFramework.Member member = FakeBotFramework.Member.of(grace.fromId, grace.aadObjectId, grace.name,
                grace.email, grace.email, grace.tenantId);
        String chat = eventually(() -> stack.botFramework.personalChatWith(member).stream().toList(),
                "Grace's personal chat").get(0);
        Map<String, Object> consent = eventually(() -> attachments(chat, "application/vnd.microsoft.teams.card.file.consent"),
                "the consent card").get(0);
        assertEquals("ciment-my-data.json", consent.get("name"));
        @SuppressWarnings("unchecked")
        Object context = ((Map<String, Object>) consent.get("content")).get("acceptContext");

        try (FakeUploadTarget oneDrive = FakeUploadTarget.start()) {
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("type", "fileUpload");
            accepted.put("action", "accept");
            accepted.put("context", context);
            accepted.put("uploadInfo", Map.of("name", "ciment-my-data.json", "uploadUrl", oneDrive.uploadUrl("grace"),
                    "contentUrl", "https://contoso-my.sharepoint.com/personal/grace/ciment-my-data.json",
                    "uniqueId", "A1B2", "fileType", "json"));
            var invoke = grace.message("").conversation(chat).invoke("fileConsent/invoke", accepted);
            assertEquals(200, grace.send(invoke, stack.botFramework.token(stack.botFramework.serviceUrl())).status());

            FakeUploadTarget.Put put = oneDrive.puts().getFirst();
            assertEquals("bytes 0-" + (put.bytes().length - 1) + "/" + put.bytes().length, put.contentRange());
            assertTrue(put.text().contains("\"text\": \"Hello from Teams\""), put.text());
            assertEquals(1, attachments(chat, "application/vnd.microsoft.teams.card.file.info").size());

            assertTrue(grace.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));
            assertNothingNames(List.of(personIdIn(put.text()), grace.aadObjectId, grace.email));
        }
        assertTrue(steward.ciment("feed privacy-teams").says("removed"));
    }

    private static String personIdIn(String file) {
        Matcher matcher = PERSON_ID.matcher(file);
        assertTrue(matcher.find(), file);
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attachments(String conversationId, String contentType) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (FakeBotFramework.SentActivity sent : stack.botFramework.sentTo(conversationId)) {
            Object attachments = sent.activity().get("attachments");
            if (attachments instanceof List<?> list) {
                list.stream().map(a -> (Map<String, Object>) a)
                        .filter(a -> contentType.equals(a.get("contentType"))).forEach(found::add);
            }
        }
        return found;
    }

    /** A scan of the whole table: no attribute of any item holds any of these words. */
    private static void assertNothingNames(List<String> words) {
        stack.dynamo.scanPaginator(b -> b.tableName(stack.runner.settings().table()).consistentRead(true)).items()
                .forEach(item -> item.forEach((name, value) -> {
                    for (String text : texts(value)) {
                        for (String word : words) {
                            assertFalse(text.contains(word), word + " is still named by " + item);
                        }
                    }
                }));
    }

    private static List<String> texts(AttributeValue value) {
        List<String> texts = new ArrayList<>();
        if (value.s() != null) {
            texts.add(value.s());
        }
        if (value.hasSs()) {
            texts.addAll(value.ss());
        }
        if (value.hasL()) {
            value.l().forEach(v -> texts.addAll(texts(v)));
        }
        if (value.hasM()) {
            value.m().values().forEach(v -> texts.addAll(texts(v)));
        }
        return texts;
    }

}
