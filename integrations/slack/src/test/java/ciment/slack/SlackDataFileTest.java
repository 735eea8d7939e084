package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.PersonalDataSource;
import ciment.core.privacy.PersonalData;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.auth.SlackSettings;
import ciment.slack.outbound.SlackNoticeSender;
import com.slack.api.methods.SlackApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** export-my-data's file, shared through Slack's real Web API client with the fake Slack Web API. */
class SlackDataFileTest {
    private static final String TOKEN = "xoxb-files";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final ChatAccount BOB = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB");
    private static final PersonalData BOBS = new PersonalData(
            new Profile(new Person("P0BOB", "Bob"), List.of(), List.of("Kotlin"), Optional.of("bob@example.com")),
            List.of(BOB),
            List.of(new Membership("C1", new Slug("data-guild"), "P0BOB", Role.MEMBER, AT)),
            List.of(), List.of(),
            List.of(new Post("01POST", "C1", new Slug("data-guild"), "P0BOB", "Bob", Platform.SLACK, "Hi all", AT)));

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private SlackNoticeSender sender(PersonalDataSource source) {
        return new SlackNoticeSender(Settings.of(Map.of(SlackSettings.BOT_TOKEN, TOKEN,
                SlackSettings.API_URL, slackApi.baseUrl())), personId -> {
                    asked.add(personId);
                    return source.personalData(personId);
                });
    }

    private static Notice dataFile() {
        return new Notice("01FILE", Recipient.direct(BOB, null), "Here is everything Ciment holds about you.", AT,
                "P0BOB");
    }

    @Test
    void dataFileNotice_uploadsTheJson_toTheAppsDirectMessagesWithThePerson() throws Exception {
        sender(id -> Optional.of(BOBS)).send(dataFile());

        assertEquals(List.of("P0BOB"), asked, "the data is collected when it is sent");
        assertEquals("U0BOB", slackApi.calls("conversations.open").getFirst().param("users"));
        FakeSlackApi.Call announced = slackApi.calls("files.getUploadURLExternal").getFirst();
        assertEquals(SlackNoticeSender.DATA_FILE, announced.param("filename"));
        FakeSlackApi.Upload upload = slackApi.uploads().getFirst();
        assertEquals(Integer.parseInt(announced.param("length")), upload.bytes().length);
        assertTrue(upload.text().contains("\"skills\": [\"Kotlin\"]"), upload.text());
        assertTrue(upload.text().contains("\"text\": \"Hi all\""), upload.text());
        assertTrue(upload.text().contains("\"reactions\": []"), upload.text());
        FakeSlackApi.Call completed = slackApi.calls("files.completeUploadExternal").getFirst();
        assertEquals("D0U0BOB", completed.param("channel_id"));
        assertTrue(completed.param("files").contains(upload.fileId()), completed.param("files"));
        assertEquals("Here is everything Ciment holds about you.", completed.param("initial_comment"));
        assertEquals(TOKEN, completed.token());
        assertEquals(List.of(), slackApi.calls("chat.postMessage"), "the file is the message");
    }

    @Test
    void dataFileNotice_forSomeoneErasedSince_sendsNothing() throws Exception {
        sender(id -> Optional.empty()).send(dataFile());

        assertEquals(List.of(), slackApi.calls());
    }

    @Test
    void dataFileNotice_whenSlackIsRateLimited_throwsForARetry() {
        slackApi.failNext("files.getUploadURLExternal", 429, 1);

        assertThrows(SlackApiException.class, () -> sender(id -> Optional.of(BOBS)).send(dataFile()));
        assertEquals(List.of(), slackApi.uploads());
    }
}
