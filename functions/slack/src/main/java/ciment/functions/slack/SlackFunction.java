package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.core.service.Ciment;
import ciment.infra.Secrets;
import ciment.infra.StoreStartup;
import ciment.slack.CimentSlackApp;
import ciment.slack.SlackSignatureCheck;
import com.amazonaws.services.lambda.runtime.Context;
import com.slack.api.bolt.aws_lambda.SlackApiLambdaHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The Slack Lambda function (API Gateway payload 1.0): every request passes {@link SlackSignatureCheck}
 * on its raw bytes first; one that fails gets 401 and touches nothing. The rest goes to Bolt.
 */
public final class SlackFunction extends SlackApiLambdaHandler {
    /** Only base64's alphabet: never true of a Slack body as sent, which always has '&', '{' or '%'. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final SlackSignatureCheck signatureCheck;

    /**
     * Lambda's entry: configured by the environment (CONTRACT.md's names), with the secrets that
     * template.yaml names by ARN (SLACK_SIGNING_SECRET_ARN, SLACK_BOT_TOKEN_ARN) read first.
     */
    public SlackFunction() {
        this(Secrets.resolve(Settings.fromEnvironment()));
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackFunction(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock the signature check reads (tests pin it to forge requests just out of date). */
    SlackFunction(Settings settings, Clock clock) {
        // Arguments run left to right: the secret is checked, then the store starts, then Bolt.
        this(new SlackSignatureCheck(settings.require(CimentSlackApp.SIGNING_SECRET), clock),
                settings, StoreStartup.begin(settings).thenApply(store -> new Ciment(store, Clock.systemUTC())), clock);
    }

    /** Bolt is built while the store starts; a command waits for the store only if it arrives first. */
    private SlackFunction(SlackSignatureCheck signatureCheck, Settings settings, CompletableFuture<Ciment> ciment, Clock clock) {
        super(CimentSlackApp.create(settings, ciment::join, clock));
        this.signatureCheck = signatureCheck;
    }

    @Override
    public ApiGatewayResponse handleRequest(ApiGatewayRequest input, Context context) {
        byte[] body = input == null ? null : rawBody(input);
        if (body == null || !signatureCheck.accepts(input.getHeaders(), body)) {
            return ApiGatewayResponse.builder().statusCode(401).rawBody("invalid request").build();
        }
        return super.handleRequest(withBody(input, new String(body, StandardCharsets.UTF_8)), context);
    }

    @Override
    protected boolean isWarmupRequest(ApiGatewayRequest request) {
        return false;
    }

    /**
     * The bytes Slack signed. HTTP APIs send form bodies base64-encoded; the Lambda runtime's own
     * deserializer drops Bolt's {@code isBase64Encoded} (its setter is named {@code setBase64Encoded}),
     * so a body made only of base64's alphabet is decoded too. Null when there is no body or it is garbled.
     */
    static byte[] rawBody(ApiGatewayRequest request) {
        String body = request.getBody();
        if (body == null) {
            return null;
        }
        if (request.isBase64Encoded() || BASE64.matcher(body).matches()) {
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
