package ciment.functions.slack;

import ciment.infra.lambda.BodyLimit;
import ciment.slack.auth.SlackSettings;
import ciment.slack.auth.SlackSignatureCheck;
import com.amazonaws.services.lambda.runtime.Context;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonWriter;
import com.slack.api.bolt.App;
import com.slack.api.bolt.aws_lambda.SlackApiLambdaHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import com.slack.api.bolt.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's payload 1.0 in and out for Bolt, behind {@link SlackFunction}: the event's JSON read and the
 * response's written with Bolt's own Gson (taking the raw stream spares the Lambda runtime's POJO serializer, its
 * own Jackson loaded on the first request, which also drops {@code isBase64Encoded}: Lombok names its setter
 * {@code setBase64Encoded}). A body over {@link #BODY_LIMIT} gets 413; every other request passes
 * {@link SlackSignatureCheck} on its raw bytes first; one that fails gets 401 and touches nothing. The rest goes to
 * Bolt.
 */
public final class SlackGateway extends SlackApiLambdaHandler {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> REQUEST_CLASSES = List.of(
            "com.slack.api.bolt.request.builtin.SlashCommandRequest",
            "com.slack.api.bolt.request.builtin.EventRequest",
            "com.slack.api.bolt.request.builtin.BlockActionRequest",
            "com.slack.api.bolt.response.Response",
            "com.slack.api.methods.request.chat.ChatPostMessageRequest",
            "com.slack.api.methods.response.chat.ChatPostMessageResponse",
            "com.slack.api.model.block.SectionBlock");
    /**
     * The largest body of /slack/events: 1 MiB. The largest Slack sends is an edit of a message at its 40,000
     * characters (message_changed: the message and its previous version, each as text and again as rich-text
     * blocks), about 960 KB with every character escaped in 6 bytes; a message shortcut carries one version,
     * URL-encoded (about 640 KB); a modal, our own few inputs. Lambda itself would take 6 MB.
     */
    static final BodyLimit BODY_LIMIT = new BodyLimit(1024 * 1024);
    /** Binds fields by name, so the event's isBase64Encoded lands in ApiGatewayRequest's field of that name. */
    private static final Gson GSON = new Gson();

    private final SlackSignatureCheck signatureCheck;
    private final boolean oauth;

    /** @param oauth whether the app installs into workspaces (SLACK_CLIENT_ID): the OAuth routes are served */
    SlackGateway(App app, SlackSignatureCheck signatureCheck, boolean oauth) {
        super(app);
        this.signatureCheck = signatureCheck;
        this.oauth = oauth;
    }

    /** One event's bytes in, its response's out (and returned). */
    ApiGatewayResponse handle(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<byte[]> event = BODY_LIMIT.readEvent(input);
        ApiGatewayResponse response = event.isEmpty() ? tooLarge()
                : handleRequest(read(new ByteArrayInputStream(event.get())), context);
        write(response, output);
        return response;
    }

    /** The event, or null when there is none or it is not JSON (the handler then answers 401). */
    static ApiGatewayRequest read(InputStream input) {
        try {
            return GSON.fromJson(new InputStreamReader(input, StandardCharsets.UTF_8), ApiGatewayRequest.class);
        } catch (JsonParseException notAnEvent) {
            return null;
        }
    }

    /** The response as API Gateway reads it. */
    static void write(ApiGatewayResponse response, OutputStream output) throws IOException {
        JsonWriter json = new JsonWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        json.beginObject();
        json.name("statusCode").value(response.getStatusCode());
        json.name("headers").beginObject();
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            json.name(header.getKey()).value(header.getValue());
        }
        json.endObject();
        json.name("body").value(response.getBody());
        json.name("isBase64Encoded").value(response.isIsBase64Encoded());
        json.endObject();
        json.flush();
    }

    @Override
    public ApiGatewayResponse handleRequest(ApiGatewayRequest input, Context context) {
        if (input != null && !BODY_LIMIT.admits(input.getBody(), input.isBase64Encoded())) {
            return tooLarge();
        }
        String oauthRoute = oauthRoute(input);
        if (oauthRoute != null) {
            return installRoute(input, oauthRoute, context);
        }
        byte[] body = input == null ? null : rawBody(input);
        if (body == null || !signatureCheck.accepts(input.getHeaders(), body)) {
            return ApiGatewayResponse.builder().statusCode(401).rawBody("invalid request").build();
        }
        return super.handleRequest(withBody(input, new String(body, StandardCharsets.UTF_8)), context);
    }

    /**
     * GET /slack/install or /slack/oauth_redirect (a browser, not Slack: nothing is signed), else null. API Gateway's
     * path may start with the stage (/dev/slack/install): the route is what it ends with.
     */
    static String oauthRoute(ApiGatewayRequest input) {
        if (input == null || !"GET".equalsIgnoreCase(input.getHttpMethod()) || input.getPath() == null) {
            return null;
        }
        for (String route : new String[] {SlackSettings.INSTALL_PATH, SlackSettings.REDIRECT_PATH}) {
            if (input.getPath().equals(route) || input.getPath().endsWith(route)) {
                return route;
            }
        }
        return null;
    }

    /** The OAuth routes go to Bolt's install flow (OAuth mode); in single-workspace mode there is nothing to install. */
    private ApiGatewayResponse installRoute(ApiGatewayRequest input, String route, Context context) {
        if (!oauth) {
            return ApiGatewayResponse.builder().statusCode(404).headers(Map.of("Content-Type", "text/plain; charset=utf-8"))
                    .rawBody("This Ciment runs in one Slack workspace with its bot token: installs through " + route
                            + " need SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.").build();
        }
        ApiGatewayRequest routed = withBody(input, "");
        routed.setPath(route);
        return super.handleRequest(routed, context);
    }

    /** A body over {@link #BODY_LIMIT}: 413 and one sentence, before the signature is checked or the body parsed. */
    static ApiGatewayResponse tooLarge() {
        return ApiGatewayResponse.builder().statusCode(BodyLimit.STATUS)
                .headers(Map.of("Content-Type", "text/plain; charset=utf-8")).rawBody(BODY_LIMIT.refusal()).build();
    }

    /** bolt-aws-lambda drops Bolt's content type; Slack wants JSON answers marked as such. */
    @Override
    protected ApiGatewayResponse toApiGatewayResponse(Response slackResponse) {
        ApiGatewayResponse response = super.toApiGatewayResponse(slackResponse);
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.putIfAbsent("Content-Type", slackResponse.getContentType());
        return ApiGatewayResponse.builder().statusCode(response.getStatusCode()).headers(headers)
                .rawBody(response.getBody()).build();
    }

    @Override
    protected boolean isWarmupRequest(ApiGatewayRequest request) {
        return false;
    }

    /**
     * The bytes Slack signed: HTTP APIs send form bodies base64-encoded and say so in isBase64Encoded.
     * Null when there is no body or a body flagged as base64 is not.
     */
    static byte[] rawBody(ApiGatewayRequest request) {
        String body = request.getBody();
        if (body == null) {
            return null;
        }
        if (request.isBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException garbled) {
                return null;
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static ApiGatewayRequest withBody(ApiGatewayRequest input, String body) {
        ApiGatewayRequest copy = new ApiGatewayRequest();
        copy.setResource(input.getResource());
        copy.setPath(input.getPath());
        copy.setHttpMethod(input.getHttpMethod());
        copy.setHeaders(input.getHeaders() == null ? Map.of() : input.getHeaders());
        copy.setQueryStringParameters(input.getQueryStringParameters());
        copy.setPathParameters(input.getPathParameters());
        copy.setStageVariables(input.getStageVariables());
        copy.setRequestContext(input.getRequestContext());
        copy.setBody(body);
        copy.setBase64Encoded(false);
        return copy;
    }
}
