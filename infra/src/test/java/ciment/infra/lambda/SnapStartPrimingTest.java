package ciment.infra.lambda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.metering.UsageMeter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class SnapStartPrimingTest {
    private final Settings settings = Settings.of(MotoServer.tableSettings("priming"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);

    @AfterEach
    void stop() {
        dynamo.close();
    }

    @Test
    void beforeCheckpoint_readsTheTableAndLoadsTheRequestClasses_andIsKeptAsRegistered() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        LambdaFrame frame = new LambdaFrame(settings);
        frame.started((UsageMeter) null, () -> DynamoRepositories.fromSettings(settings).prime(), List.of("ciment.infra.dynamo.Items"));
        SnapStartPriming priming = frame.priming();

        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
        assertSame(priming, frame.priming(), "held strongly by the function's frame: CRaC holds resources weakly");
    }

    @Test
    void beforeCheckpoint_onATableThatIsNotThere_fails_soNoSnapshotIsTakenOfAFunctionThatCannotReadIt() {
        Settings elsewhere = settings.with("CIMENT_TABLE", "absent-" + UUID.randomUUID());
        SnapStartPriming priming = new SnapStartPriming(() -> DynamoRepositories.fromSettings(elsewhere).prime(), new AtomicLong(),
                List.of());

        assertThrows(ResourceNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void beforeCheckpoint_withARequestClassThatIsNotInTheJar_fails() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        SnapStartPriming priming = new SnapStartPriming(() -> DynamoRepositories.fromSettings(settings).prime(), new AtomicLong(),
                List.of("ciment.infra.NoSuchClass"));

        assertThrows(ClassNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void afterRestore_zeroesTheInitMeasuredBeforeTheSnapshot_soNoRestoredCopyBillsItAgain() {
        AtomicLong initMillis = new AtomicLong(1_400);

        new SnapStartPriming(() -> DynamoRepositories.fromSettings(settings).prime(), initMillis, List.of()).afterRestore(null);

        assertEquals(0, initMillis.get());
    }
}
