package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.infra.Secrets;
import ciment.core.service.BudgetWatch;
import ciment.infra.SnapStartPriming;
import ciment.infra.UsageMeter;
import ciment.slack.SlackCalls;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonWriter;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slack Lambda function, as template.yaml names it: API Gateway's payload 1.0 in and out as JSON,
 * read and written here with Bolt's own Gson, and handled by {@link SlackHandler}. Taking the raw
 * stream spares the Lambda runtime's POJO serializer (its own Jackson, loaded on the first request),
 * which also drops {@code isBase64Encoded}: Lombok names its setter {@code setBase64Encoded}.
 */
public final class SlackFunction implements RequestStreamHandler {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> PRIMED_CLASSES = List.of(
            "com.slack.api.bolt.request.builtin.SlashCommandRequest",
            "com.slack.api.bolt.request.builtin.EventRequest",
            "com.slack.api.bolt.request.builtin.BlockActionRequest",
            "com.slack.api.bolt.response.Response",
            "com.slack.api.methods.request.chat.ChatPostMessageRequest",
            "com.slack.api.methods.response.chat.ChatPostMessageResponse",
            "com.slack.api.model.block.SectionBlock");
    /** Binds fields by name, so the event's isBase64Encoded lands in ApiGatewayRequest's field of that name. */
    private static final Gson GSON = new Gson();

    private final SlackHandler handler;
    /** Meters each invocation (issue 6), once the store has started. */
    private final CompletableFuture<UsageMeter> usage;
    /** The container's init, billed with its first invocation; 0 after. */
    private final AtomicLong initMillis;

    /**
     * Lambda's entry: configured by the environment (CONTRACT.md's names), with the secrets that
     * template.yaml names by ARN (SLACK_SIGNING_SECRET_ARN, SLACK_BOT_TOKEN_ARN) read first.
     */
    public SlackFunction() {
        this(System.nanoTime(), Secrets.resolve(Settings.fromEnvironment()));
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackFunction(Settings settings) {
        this(System.nanoTime(), settings);
    }

    private SlackFunction(long startedNanos, Settings settings) {
        this(startedNanos, new SlackHandler(settings));
    }

    /** With the clock the signature check reads (tests pin it to forge requests just out of date). */
    SlackFunction(Settings settings, Clock clock) {
        this(System.nanoTime(), new SlackHandler(settings, clock));
    }

    private SlackFunction(long startedNanos, SlackHandler handler) {
        this.handler = handler;
        this.usage = handler.store().thenApply(store -> {
            UsageMeter meter = store.meterUsage(Clock.systemUTC());
            // After each flush, the budgets of the communities it touched (alerts at 80% and 100%, once each).
            meter.onFlushed(new BudgetWatch(store.repositories(), store.usage(), handler.finance(store), Clock.systemUTC())::check);
            return meter;
        });
        SlackCalls.countWith(() -> UsageMeter.countInRunning(Meter.SLACK_CALLS));
        this.initMillis = new AtomicLong((System.nanoTime() - startedNanos) / 1_000_000);
        SnapStartPriming.register(handler.store()::join, initMillis, PRIMED_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        UsageMeter meter = usage.exceptionally(failed -> null).join();
        if (meter != null) {
            meter.begin(context == null ? null : context.getAwsRequestId(),
                    context == null ? 0 : context.getMemoryLimitInMB(), initMillis.getAndSet(0), UsageMeter.Trigger.HTTP);
        }
        try {
            Optional<byte[]> event = SlackHandler.BODY_LIMIT.readEvent(input);
            write(event.isEmpty() ? SlackHandler.tooLarge()
                    : handler.handleRequest(read(new ByteArrayInputStream(event.get())), context), output);
        } finally {
            if (meter != null) {
                meter.end();
            }
        }
    }

    /** This container's meter, once the store has started (the benchmark reads its overhead). */
    public UsageMeter usageMeter() {
        return usage.join();
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
}
