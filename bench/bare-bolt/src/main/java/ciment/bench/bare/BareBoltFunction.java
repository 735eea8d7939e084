package ciment.bench.bare;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.aws_lambda.SlackApiLambdaHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;

/** The smallest Bolt app that answers /ciment, configured like Ciment's (same secret, token and API URL). */
public class BareBoltFunction extends SlackApiLambdaHandler {

    public BareBoltFunction() {
        super(bareApp());
    }

    private static App bareApp() {
        SlackConfig slackConfig = new SlackConfig();
        String apiUrl = System.getenv("SLACK_API_URL");
        if (apiUrl != null && !apiUrl.isBlank()) {
            slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        }
        App app = new App(AppConfig.builder()
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .slack(Slack.getInstance(slackConfig))
                .build());
        app.command("/ciment", (request, context) -> context.ack("ok: " + request.getPayload().getText()));
        return app;
    }

    @Override
    protected boolean isWarmupRequest(ApiGatewayRequest request) {
        return false;
    }
}
