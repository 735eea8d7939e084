package ciment.functions.costs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import ciment.infra.lambda.SnapStartPriming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart's priming of the costs function, on moto: the table read and its request classes loaded before the snapshot (the hooks themselves: infra's SnapStartPrimingTest). */
class CostsPrimingTest {
    private final Settings settings = Settings.of(MotoServer.tableSettings("costs-priming"));
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
        SnapStartPriming priming = new CostsFunction(settings).frame.priming();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
        assertDoesNotThrow(() -> priming.afterRestore(null));
    }
}
