package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.infra.DynamoClients;
import ciment.infra.DynamoStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** SnapStart's hooks of the Slack delivery function, on moto: the table read before the snapshot, the init not billed twice after. */
class SlackDeliveryPrimingTest {
    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(Map.of(
            "AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(), "AWS_REGION", "us-east-1",
            "CIMENT_TABLE", "slack-delivery-priming-" + UUID.randomUUID().toString().substring(0, 8),
            "SLACK_BOT_TOKEN", "xoxb-delivery", "SLACK_API_URL", slackApi.baseUrl()));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);

    SlackDeliveryPrimingTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
    }

    @AfterEach
    void stop() {
        dynamo.close();
        slackApi.close();
    }

    @Test
    void theFunction_registersItsPriming_whichReadsTheTableAndLoadsTheBatchClasses_withoutThrowing() {
        new SlackDeliveryFunction(settings);
        SlackDeliveryPriming priming = SlackDeliveryPriming.registered();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }

    @Test
    void beforeCheckpoint_onATableThatIsNotThere_fails_soNoSnapshotIsTakenOfAFunctionThatCannotReadIt() {
        Settings elsewhere = settings.with("CIMENT_TABLE", "absent-" + UUID.randomUUID());
        SlackDeliveryPriming priming = new SlackDeliveryPriming(() -> DynamoStore.fromSettings(elsewhere), new AtomicLong());
        assertThrows(ResourceNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void afterRestore_zeroesTheInitMeasuredBeforeTheSnapshot_soNoRestoredCopyBillsItAgain() {
        AtomicLong initMillis = new AtomicLong(1_300);
        new SlackDeliveryPriming(() -> DynamoStore.fromSettings(settings), initMillis).afterRestore(null);
        assertEquals(0, initMillis.get());
    }
}
