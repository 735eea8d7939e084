package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.DynamoClients;
import ciment.infra.DynamoStore;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** SnapStart's hooks of the Teams delivery function, on moto: the table read before the snapshot, the init not billed twice after. */
class TeamsDeliveryPrimingTest {
    private final FakeBotFramework botFramework = FakeBotFramework.start();
    private final Settings settings;
    private final DynamoDbClient dynamo;

    TeamsDeliveryPrimingTest() {
        Map<String, String> values = new HashMap<>(botFramework.settings());
        values.put("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString());
        values.put("AWS_REGION", "us-east-1");
        values.put("CIMENT_TABLE", "teams-delivery-priming-" + UUID.randomUUID().toString().substring(0, 8));
        settings = Settings.of(values);
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, settings.table());
    }

    @AfterEach
    void stop() {
        dynamo.close();
        botFramework.close();
    }

    @Test
    void theFunction_registersItsPriming_whichReadsTheTableAndLoadsTheBatchClasses_withoutThrowing() {
        new TeamsDeliveryFunction(settings, false);
        TeamsDeliveryPriming priming = TeamsDeliveryPriming.registered();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }

    @Test
    void beforeCheckpoint_onATableThatIsNotThere_fails_soNoSnapshotIsTakenOfAFunctionThatCannotReadIt() {
        Settings elsewhere = settings.with("CIMENT_TABLE", "absent-" + UUID.randomUUID());
        TeamsDeliveryPriming priming = new TeamsDeliveryPriming(() -> DynamoStore.fromSettings(elsewhere), new AtomicLong());
        assertThrows(ResourceNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void afterRestore_zeroesTheInitMeasuredBeforeTheSnapshot_soNoRestoredCopyBillsItAgain() {
        AtomicLong initMillis = new AtomicLong(1_300);
        new TeamsDeliveryPriming(() -> DynamoStore.fromSettings(settings), initMillis).afterRestore(null);
        assertEquals(0, initMillis.get());
    }
}
