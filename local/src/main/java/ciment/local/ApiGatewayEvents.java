package ciment.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.request.Identity;
import com.slack.api.bolt.aws_lambda.request.RequestContext;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event an API Gateway HTTP API gives Lambda (payload 1.0 or 2.0),
 * and the function's answer back into HTTP, so the handlers run locally exactly as deployed.
 */
final class ApiGatewayEvents {
    static final String STAGE = "local";

    private ApiGatewayEvents() {
    }

    /** Payload format 1.0, which bolt-aws-lambda reads. */
    static ApiGatewayRequest payloadV1(HttpCall call) {
        RequestContext context = new RequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage(STAGE);
        context.setHttpMethod(call.method());
        context.setResourcePath(call.path());
        Identity identity = new Identity();
        identity.setSourceIp(call.sourceIp());
        context.setIdentity(identity);

        ApiGatewayRequest event = new ApiGatewayRequest();
        event.setResource(call.path());
        event.setPath(call.path());
        event.setHttpMethod(call.method());
        event.setHeaders(call.headers());
        event.setQueryStringParameters(queryParameters(call.rawQuery()));
        event.setRequestContext(context);
        boolean binary = !isText(call.headers().get("content-type"));
        event.setBase64Encoded(binary);
        event.setBody(binary ? Base64.getEncoder().encodeToString(call.body()) : call.bodyText());
        return event;
    }

    /** Payload format 2.0. */
    static APIGatewayV2HTTPEvent payloadV2(HttpCall call) {
        String routeKey = call.method() + " " + call.path();
        boolean binary = !isText(call.headers().get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(call.path())
                .withRawQueryString(call.rawQuery())
                .withHeaders(call.headers())
                .withQueryStringParameters(call.rawQuery().isEmpty() ? null : queryParameters(call.rawQuery()))
                .withIsBase64Encoded(binary)
                .withBody(binary ? Base64.getEncoder().encodeToString(call.body()) : call.bodyText())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage(STAGE)
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(call.method())
                                .withPath(call.path())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(call.sourceIp())
                                .withUserAgent(call.headers().get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    static HttpCall.Answer answer(ApiGatewayResponse response) {
        if (response == null) {
            return HttpCall.Answer.text(200, "");
        }
        return new HttpCall.Answer(response.getStatusCode(), headers(response.getHeaders()),
                body(response.getBody(), response.isIsBase64Encoded()));
    }

    static HttpCall.Answer answer(APIGatewayV2HTTPResponse response) {
        if (response == null) {
            return HttpCall.Answer.text(200, "");
        }
        return new HttpCall.Answer(response.getStatusCode(), headers(response.getHeaders()),
                body(response.getBody(), response.getIsBase64Encoded()));
    }

    /**
     * HTTP APIs pass text bodies as they are and base64-encode the rest; Slack's form posts
     * (application/x-www-form-urlencoded) arrive base64-encoded, which the Slack handler must undo.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml");
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        return headers == null ? Map.of() : headers;
    }

    private static byte[] body(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
