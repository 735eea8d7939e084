package ciment.functions.costs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.DynamoClients;
import ciment.infra.DynamoStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** SnapStart's hooks of the costs function, on moto: the table read before the snapshot, the init not billed twice after. */
class CostsPrimingTest {
    private final Settings settings = Settings.of(Map.of(
            "AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(), "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
            "CIMENT_TABLE", "costs-priming-" + UUID.randomUUID().toString().substring(0, 8)));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);

    CostsPrimingTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    @Test
    void theFunction_registersItsPriming_whichReadsTheTableAndLoadsTheReportClasses_withoutThrowing() {
        new CostsFunction(settings);
        CostsPriming priming = CostsPriming.registered();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
        assertDoesNotThrow(() -> priming.afterRestore(null));
    }

    @Test
    void beforeCheckpoint_onATableThatIsNotThere_fails_soNoSnapshotIsTakenOfAFunctionThatCannotReadIt() {
        Settings elsewhere = settings.with("CIMENT_TABLE", "absent-" + UUID.randomUUID());
        CostsPriming priming = new CostsPriming(() -> DynamoStore.fromSettings(elsewhere), new AtomicLong());
        assertThrows(ResourceNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void afterRestore_zeroesTheInitMeasuredBeforeTheSnapshot_soNoRestoredCopyBillsItAgain() {
        AtomicLong initMillis = new AtomicLong(1_200);
        new CostsPriming(() -> DynamoStore.fromSettings(settings), initMillis).afterRestore(null);
        assertEquals(0, initMillis.get());
    }
}
