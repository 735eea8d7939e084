package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.slack.outbound.SlackNoticeSender;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * export-my-data from Slack to the file in the person's DM: core writes the notice on moto, the table's
 * stream hands it to the Slack delivery function, which collects the data from the table and uploads it to
 * the fake Slack Web API.
 */
class SlackDeliveryDataFileTest {
    private static final ChatAccount BOB = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB");

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(MotoServer.tableSettings("slack-data-file"))
            .with(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                    "SLACK_BOT_TOKEN", "xoxb-delivery", "SLACK_API_URL", slackApi.baseUrl()));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final TableStream stream;
    private final Ciment ciment;
    private int requests;

    SlackDeliveryDataFileTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        ciment = new Ciment(DynamoRepositories.fromSettings(settings).repositories(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        slackApi.close();
    }

    private Reply bob(String text) {
        return ciment.handle(new Caller(BOB, () -> Introduction.named("Bob"), "req-" + ++requests, Instant.now()), text);
    }

    @Test
    void exportMyData_isAFileInBobsDirectMessages_withHisProfileMembershipsAndPosts() {
        bob("create data-guild Sharing data tips");
        bob("skills add Kotlin");
        bob("post data-guild Hello from Bob");
        stream.poll(); // what came before the export is not a notice

        assertEquals("Your file is on its way to your direct messages with Ciment.", bob("export-my-data").summary());
        StreamsEventResponse response = new SlackDeliveryFunction(settings)
                .handleRequest(StreamEvents.event(stream.poll()), null);

        assertEquals(List.of(), response.getBatchItemFailures());
        FakeSlackApi.Upload upload = slackApi.uploads().getFirst();
        assertEquals(SlackNoticeSender.DATA_FILE, upload.filename());
        assertTrue(upload.text().contains("\"displayName\": \"Bob\""), upload.text());
        assertTrue(upload.text().contains("\"community\": \"data-guild\""), upload.text());
        assertTrue(upload.text().contains("\"text\": \"Hello from Bob\""), upload.text());
        assertTrue(upload.text().contains("\"skills\": [\"Kotlin\"]"), upload.text());
        assertEquals("D0U0BOB", slackApi.calls("files.completeUploadExternal").getFirst().param("channel_id"));
    }
}
