package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.DynamoClients;
import ciment.infra.SnapStartPriming;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart's priming of the Teams delivery function, on moto: the table read and its request classes loaded before the snapshot (the hooks themselves: infra's SnapStartPrimingTest). */
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
        SnapStartPriming priming = SnapStartPriming.registered();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
