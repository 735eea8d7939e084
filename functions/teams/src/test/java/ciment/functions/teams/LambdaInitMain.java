package ciment.functions.teams;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as
 * Lambda does (the public no-arg constructor, settings from the environment), hands it the one activity
 * given as arguments (body, Authorization header) and prints the status.
 */
public final class LambdaInitMain {
    public static void main(String[] args) {
        TeamsFunction function = new TeamsFunction();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath("/api/messages")
                .withHeaders(Map.of("content-type", "application/json", "authorization", args[1]))
                .withBody(args[0])
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        System.out.println(response.getStatusCode());
        // The Bot Framework's idle worker threads (not daemons) would keep this JVM up for a minute more.
        System.exit(0);
    }
}
