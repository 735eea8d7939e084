package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.aws.DynamoClients;
import ciment.infra.lambda.SnapStartPriming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart's priming of the Teams delivery function, on moto: the table read and its request classes loaded before the snapshot (the hooks themselves: infra's SnapStartPrimingTest). */
class TeamsDeliveryPrimingTest {
    private final FakeBotFramework botFramework = FakeBotFramework.start();
    private final Settings settings;
    private final DynamoDbClient dynamo;

    TeamsDeliveryPrimingTest() {
        settings = Settings.of(botFramework.settings()).with(MotoServer.tableSettings("teams-delivery-priming"))
                .with("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
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
        SnapStartPriming priming = new TeamsDeliveryFunction(settings, false).frame.priming();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
