package ciment.functions.slackdelivery;

import ciment.core.config.Settings;
import ciment.delivery.Deliveries;
import ciment.infra.CapacityMeter;
import ciment.infra.DynamoClients;
import ciment.infra.DynamoStore;
import ciment.infra.Outbox;
import ciment.infra.Secrets;
import ciment.slack.SlackNoticeSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Slack delivery Lambda function, as template.yaml names it: a batch of the table's stream in (the
 * event source mapping lets only new Slack outbox items through), each notice told through Slack's Web
 * API, and the records that failed handed back as a partial batch response for Lambda to retry.
 * The Web API client and the table's client are made once per container.
 */
public final class SlackDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Deliveries deliveries;

    /** Lambda's entry: the environment, with the bot token that template.yaml names by ARN (SLACK_BOT_TOKEN_ARN) read first. */
    public SlackDeliveryFunction() {
        this(Secrets.resolve(Settings.fromEnvironment()));
    }

    /**
     * For the local runner and tests: the same function on settings of their own. One table client serves
     * the outbox and the store that export-my-data's file is collected from.
     */
    public SlackDeliveryFunction(Settings settings) {
        DynamoDbClient dynamo = DynamoClients.create(settings);
        CapacityMeter meter = CapacityMeter.forSettings(settings);
        this.deliveries = new Deliveries(new Outbox(dynamo, settings.table(), meter),
                new SlackNoticeSender(settings, new DynamoStore(dynamo, settings.table(), meter)),
                Clock.systemUTC());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return deliveries.handle(event);
    }
}
