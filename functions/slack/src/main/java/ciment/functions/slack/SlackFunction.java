package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.infra.Secrets;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonWriter;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The Slack Lambda function, as template.yaml names it: API Gateway's payload 1.0 in and out as JSON,
 * read and written here with Bolt's own Gson, and handled by {@link SlackHandler}. Taking the raw
 * stream spares the Lambda runtime's POJO serializer (its own Jackson, loaded on the first request),
 * which also drops {@code isBase64Encoded}: Lombok names its setter {@code setBase64Encoded}.
 */
public final class SlackFunction implements RequestStreamHandler {
    /** Binds fields by name, so the event's isBase64Encoded lands in ApiGatewayRequest's field of that name. */
    private static final Gson GSON = new Gson();

    private final SlackHandler handler;

    /**
     * Lambda's entry: configured by the environment (CONTRACT.md's names), with the secrets that
     * template.yaml names by ARN (SLACK_SIGNING_SECRET_ARN, SLACK_BOT_TOKEN_ARN) read first.
     */
    public SlackFunction() {
        this(Secrets.resolve(Settings.fromEnvironment()));
    }

    /** For the local runner and tests: the same function on settings of their own. */
    public SlackFunction(Settings settings) {
        this(new SlackHandler(settings));
    }

    /** With the clock the signature check reads (tests pin it to forge requests just out of date). */
    SlackFunction(Settings settings, Clock clock) {
        this(new SlackHandler(settings, clock));
    }

    private SlackFunction(SlackHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        write(handler.handleRequest(read(input), context), output);
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
