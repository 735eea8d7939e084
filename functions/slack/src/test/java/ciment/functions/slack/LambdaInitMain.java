package ciment.functions.slack;

import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as
 * Lambda does (the public no-arg constructor, settings from the environment), hands it the one request
 * given as arguments (body, then "Name: value" headers) and prints the status and the body.
 */
public final class LambdaInitMain {
    public static void main(String[] args) {
        SlackFunction function = new SlackFunction();
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] header = args[i].split(": ", 2);
            headers.put(header[0], header[1]);
        }
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setPath("/slack/events");
        request.setHttpMethod("POST");
        request.setHeaders(headers);
        request.setBody(args[0]);
        ApiGatewayResponse response = function.handleRequest(request, null);
        System.out.println(response.getStatusCode());
        System.out.println(response.getBody());
    }
}
