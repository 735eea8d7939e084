package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ciment.infra.lambda.SnapStartPriming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart's priming of the Teams function, on moto: the table read and its request classes loaded before the snapshot (the hooks themselves: infra's SnapStartPrimingTest). */
class TeamsPrimingTest {
    private final TeamsStack stack = new TeamsStack();

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void theFunction_registersItsPriming_whichReadsTheTableAndLoadsTheActivityClasses_withoutThrowing() {
        SnapStartPriming priming = new TeamsFunction(stack.settings, false).frame.priming();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
