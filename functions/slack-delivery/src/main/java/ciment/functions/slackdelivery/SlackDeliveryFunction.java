package ciment.functions.slackdelivery;

import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.port.Pacing;
import ciment.core.port.Senders;
import ciment.core.port.SlackInstallations;
import ciment.functions.deliveryframe.DeliveryFrame;
import ciment.infra.lambda.DeliveryTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.outbound.SlackCalls;
import ciment.slack.outbound.SlackMirrorSender;
import ciment.slack.outbound.SlackNoticeSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;

/**
 * The Slack delivery Lambda function, as template.yaml names it: a {@link DeliveryFrame} whose senders tell notices
 * and copy posts (as their authors) through Slack's Web API, into CIMENT_SLACK_ALLOWED_WORKSPACES only.
 */
public final class SlackDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** Slack takes about one message a second per channel: notices and copies share the turns. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(1100);
    final DeliveryFrame frame;

    /** Lambda's entry: the environment, with the bot token that template.yaml names by ARN read first. */
    public SlackDeliveryFunction() {
        this(LambdaFrame.fromEnvironment());
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackDeliveryFunction(Settings settings) {
        this(new LambdaFrame(settings));
    }

    private SlackDeliveryFunction(LambdaFrame frame) {
        AllowedWorkspaces workspaces = AllowedWorkspaces.fromSettings(frame.settings()); // none listed: nothing starts
        this.frame = DeliveryFrame.start(frame, DeliveryTable.of(frame), workspaces::allowsWorkspace, table -> {
            Settings settings = frame.settings();
            // OAuth mode: each message goes with its workspace's installed bot token (sealed in the table)
            SlackInstallations installs = SlackSettings.isOAuth(settings) ? table.slackInstallations() : null;
            SlackCalls calls = new SlackCalls(frame.counting(Meter.SLACK_CALLS));
            return new Senders(new SlackNoticeSender(settings, table.store().personalRecords(), installs, calls),
                    new SlackMirrorSender(settings, table.store().people(), installs, calls), Pacing.every(SEND_INTERVAL),
                    DefaultLanguage.fromSettings(settings));
        });
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return frame.handle(event, context);
    }
}
