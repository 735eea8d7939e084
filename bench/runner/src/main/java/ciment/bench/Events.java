package ciment.bench;

import ciment.devkit.ApiGateway;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import java.util.Map;

/** API Gateway HTTP API events as JSON, the form Lambda hands them to a function. */
final class Events {
    private Events() {
    }

    /** Payload 1.0 (bolt-aws-lambda's), with the body as text for the bare app and Ciment alike. */
    static String slack(SlashCommands.Signed signed) {
        return ApiGateway.payloadV1(ApiGateway.Request.post("/slack/events", signed.headers(), signed.body()),
                ApiGateway.Body.TEXT);
    }

    /** Payload 2.0, carrying a Bot Connector activity and its token. */
    static String teams(String activityJson, String token) {
        return ApiGateway.payloadV2(ApiGateway.Request.post("/api/messages",
                Map.of("content-type", "application/json", "authorization", FakeBotFramework.bearer(token)), activityJson));
    }
}
