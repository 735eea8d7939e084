package ciment.functions.slackdelivery;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.delivery.DeadLetters;
import ciment.delivery.Deliveries;
import ciment.infra.lambda.DeliveryTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.outbound.SlackSenders;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * The Slack delivery Lambda function, as template.yaml names it: {@link Deliveries} of notices and copies of posts
 * (as their authors) through Slack's Web API, into CIMENT_SLACK_ALLOWED_WORKSPACES only; in OAuth mode each message
 * goes with its workspace's installed bot token. The Web API clients and the table's client are kept per container.
 */
public final class SlackDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    final LambdaFrame frame;
    private final Deliveries deliveries;

    /** Lambda's entry: the environment, with the bot token that template.yaml names by ARN read first. */
    public SlackDeliveryFunction() {
        this(LambdaFrame.fromEnvironment());
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackDeliveryFunction(Settings settings) {
        this(new LambdaFrame(settings));
    }

    private SlackDeliveryFunction(LambdaFrame frame) {
        this.frame = frame;
        Settings settings = frame.settings();
        AllowedWorkspaces workspaces = AllowedWorkspaces.fromSettings(settings); // none listed: nothing starts
        DeliveryTable table = DeliveryTable.of(frame);
        var installs = SlackSettings.isOAuth(settings) ? table.slackInstallations() : null; // tokens, sealed
        this.deliveries = new Deliveries(table.delivery(SlackSenders.of(settings, table.store().people(), table.store().personalRecords(), installs,
                frame.counting(Meter.SLACK_CALLS))), table::notice, table::post,
                DeadLetters.fromSettings(settings, "ciment-slack-delivery", table.deadLetters()))
                .servingOnly(workspaces::allowsWorkspace).meteredBy(table.usage()::within);
        frame.started(table.usage(), table::prime, Deliveries.REQUEST_CLASSES);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return frame.batch(context, timeLeft -> deliveries.handle(event, timeLeft));
    }
}
