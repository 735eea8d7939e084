package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.infra.lambda.FunctionTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.slack.CimentSlackApp;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.auth.SlackSignatureCheck;
import ciment.slack.outbound.SlackCalls;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The Slack Lambda function, as template.yaml names it: API Gateway's payload 1.0 through {@link SlackGateway} to
 * Bolt and Ciment. Configured by the environment (CONTRACT.md's names), with the secrets that template.yaml names
 * by ARN (SLACK_SIGNING_SECRET_ARN, SLACK_BOT_TOKEN_ARN) read first. Bolt is built while the store starts; a
 * command waits for the store only if it arrives first.
 */
public final class SlackFunction implements RequestStreamHandler {
    public final LambdaFrame frame; // its meter and priming: read by tests and the benchmark
    private final SlackGateway gateway;

    /** Lambda's entry. */
    public SlackFunction() {
        this(LambdaFrame.fromEnvironment(), Clock.systemUTC());
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackFunction(Settings settings) {
        this(new LambdaFrame(settings), Clock.systemUTC());
    }

    /** With the clock the signature check reads (tests pin it to forge requests just out of date). */
    SlackFunction(Settings settings, Clock clock) {
        this(new LambdaFrame(settings), clock);
    }

    private SlackFunction(LambdaFrame frame, Clock clock) {
        this.frame = frame;
        Settings settings = frame.settings();
        var check = new SlackSignatureCheck(settings.require(SlackSettings.SIGNING_SECRET), clock);
        AllowedWorkspaces.fromSettings(settings); // none listed: nothing starts
        FunctionTable table = FunctionTable.starting(settings);
        var app = CimentSlackApp.create(settings, table.ciment()::join, clock, SlackSettings.isOAuth(settings)
                ? table.sealedInstallations() : null, new SlackCalls(frame.counting(Meter.SLACK_CALLS)));
        this.gateway = new SlackGateway(app, check, SlackSettings.isOAuth(settings));
        frame.started(table.budgetedUsage(), table::prime, SlackGateway.REQUEST_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        frame.request(context, timeLeft -> gateway.handle(input, output, context));
    }
}
