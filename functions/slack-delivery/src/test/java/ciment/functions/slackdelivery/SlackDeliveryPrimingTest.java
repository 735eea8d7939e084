package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.infra.aws.DynamoClients;
import ciment.infra.lambda.SnapStartPriming;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart's priming of the Slack delivery function, on moto: the table read and its request classes loaded before the snapshot (the hooks themselves: infra's SnapStartPrimingTest). */
class SlackDeliveryPrimingTest {
    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(MotoServer.tableSettings("slack-delivery-priming"))
            .with(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
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
        SnapStartPriming priming = new SlackDeliveryFunction(settings).frame.priming();
        assertNotNull(priming);
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
