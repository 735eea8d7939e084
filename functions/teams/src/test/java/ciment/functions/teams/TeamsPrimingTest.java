package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.infra.DynamoStore;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** SnapStart's hooks of the Teams function, on moto: the table read before the snapshot, the init not billed twice after. */
class TeamsPrimingTest {
    private final TeamsStack stack = new TeamsStack();

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void theFunction_registersItsPriming_whichReadsTheTableAndLoadsTheActivityClasses_withoutThrowing() {
        new TeamsFunction(stack.settings, false);
        TeamsPriming priming = TeamsPriming.registered();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }

    @Test
    void beforeCheckpoint_onATableThatIsNotThere_fails_soNoSnapshotIsTakenOfAFunctionThatCannotReadIt() {
        Settings elsewhere = stack.settings.with("CIMENT_TABLE", "absent-" + UUID.randomUUID());
        TeamsPriming priming = new TeamsPriming(() -> DynamoStore.fromSettings(elsewhere), new AtomicLong());
        assertThrows(ResourceNotFoundException.class, () -> priming.beforeCheckpoint(null));
    }

    @Test
    void afterRestore_zeroesTheInitMeasuredBeforeTheSnapshot_soNoRestoredCopyBillsItAgain() {
        AtomicLong initMillis = new AtomicLong(1_600);
        new TeamsPriming(() -> DynamoStore.fromSettings(stack.settings), initMillis).afterRestore(null);
        assertEquals(0, initMillis.get());
    }
}
