package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.port.SlackInstallations;
import ciment.core.service.Ciment;
import ciment.core.service.Finance;
import ciment.infra.BodyLimit;
import ciment.infra.DynamoRepositories;
import ciment.infra.Secrets;
import ciment.infra.StoreStartup;
import ciment.infra.TokenSeal;
import ciment.slack.AllowedWorkspaces;
import ciment.slack.CimentSlackApp;
import ciment.slack.SlackSignatureCheck;
import com.amazonaws.services.lambda.runtime.Context;
import com.slack.api.bolt.aws_lambda.SlackApiLambdaHandler;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Slack handler behind {@link SlackFunction} (API Gateway payload 1.0): a body over {@link #BODY_LIMIT} gets
 * 413; every other request passes {@link SlackSignatureCheck} on its raw bytes first; one that fails gets 401 and
 * touches nothing. The rest goes to Bolt.
 */
public final class SlackHandler extends SlackApiLambdaHandler {
    /**
     * The largest body of /slack/events: 1 MiB. The largest Slack sends is an edit of a message at its 40,000
     * characters (message_changed: the message and its previous version, each as text and again as rich-text
     * blocks), about 960 KB with every character escaped in 6 bytes; a message shortcut carries one version,
     * URL-encoded (about 640 KB); a modal, our own few inputs. Lambda itself would take 6 MB.
     */
    static final BodyLimit BODY_LIMIT = new BodyLimit(1024 * 1024);

    private final SlackSignatureCheck signatureCheck;
    private final CompletableFuture<DynamoRepositories> store;
    private final Settings settings;

    /**
     * Configured by the environment (CONTRACT.md's names), with the secrets that template.yaml names
     * by ARN (SLACK_SIGNING_SECRET_ARN, SLACK_BOT_TOKEN_ARN) read first, as the Lambda entry is.
     */
    public SlackHandler() {
        this(Secrets.resolve(Settings.fromEnvironment()));
    }

    /** On settings of its own (the local runner, tests). */
    public SlackHandler(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock the signature check reads (tests pin it to forge requests just out of date). */
    SlackHandler(Settings settings, Clock clock) {
        // Arguments run left to right: the secret and the allowed workspaces are checked, then the store starts,
        // then Bolt.
        this(new SlackSignatureCheck(settings.require(CimentSlackApp.SIGNING_SECRET), clock),
                listed(settings), StoreStartup.begin(settings), clock);
    }

    /** The settings, once they name the workspaces served: without, the function refuses to start. */
    private static Settings listed(Settings settings) {
        AllowedWorkspaces.fromSettings(settings);
        return settings;
    }

    /** Bolt is built while the store starts; a command waits for the store only if it arrives first. */
    private SlackHandler(SlackSignatureCheck signatureCheck, Settings settings, CompletableFuture<DynamoRepositories> store,
            Clock clock) {
        this(signatureCheck, settings, store, cimentOn(store, settings), clock);
    }

    /** Ciment once the store has started; the write limits are read now, so that a malformed one stops the start. */
    private static CompletableFuture<Ciment> cimentOn(CompletableFuture<DynamoRepositories> store, Settings settings) {
        WriteLimits limits = WriteLimits.fromSettings(settings);
        return store.thenApply(started -> new Ciment(started.repositories(), Clock.systemUTC(),
                Finance.fromSettings(settings, started.usage()), limits));
    }

    private SlackHandler(SlackSignatureCheck signatureCheck, Settings settings, CompletableFuture<DynamoRepositories> store,
            CompletableFuture<Ciment> ciment, Clock clock) {
        super(CimentSlackApp.create(settings, ciment::join, clock, installations(settings, store)));
        this.signatureCheck = signatureCheck;
        this.store = store;
        this.settings = settings;
    }

    /**
     * In OAuth mode, the table's installs, each workspace's bot token sealed with the stack's KMS key (one seal per
     * container: it keeps data keys); none otherwise.
     */
    private static Supplier<SlackInstallations> installations(Settings settings, CompletableFuture<DynamoRepositories> store) {
        if (!CimentSlackApp.isOAuth(settings)) {
            return null;
        }
        TokenSeal seal = TokenSeal.sealing(settings);
        return () -> store.join().slackInstallations(seal);
    }

    /** What the finance commands and budget alerts read beyond the store: usage, prices, roles, public URL. */
    Finance finance(DynamoRepositories started) {
        return Finance.fromSettings(settings, started.usage());
    }

    /** The store, once started (the function meters its invocations on it). */
    CompletableFuture<DynamoRepositories> store() {
        return store;
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
        for (String route : new String[] {CimentSlackApp.INSTALL_PATH, CimentSlackApp.REDIRECT_PATH}) {
            if (input.getPath().equals(route) || input.getPath().endsWith(route)) {
                return route;
            }
        }
        return null;
    }

    /** The OAuth routes go to Bolt's install flow (OAuth mode); in single-workspace mode there is nothing to install. */
    private ApiGatewayResponse installRoute(ApiGatewayRequest input, String route, Context context) {
        if (!CimentSlackApp.isOAuth(settings)) {
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
