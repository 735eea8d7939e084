package ciment.functions.slack;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as
 * Lambda does (the public no-arg constructor, settings from the environment), hands its stream entry
 * the one request given as arguments (body, then "Name: value" headers) as API Gateway's payload 1.0,
 * and prints the status and the body it wrote back.
 */
public final class LambdaInitMain {
    public static void main(String[] args) throws IOException {
        SlackFunction function = new SlackFunction();
        JsonObject headers = new JsonObject();
        for (int i = 1; i < args.length; i++) {
            String[] header = args[i].split(": ", 2);
            headers.addProperty(header[0].toLowerCase(), header[1]);
        }
        JsonObject event = new JsonObject();
        event.addProperty("version", "1.0");
        event.addProperty("path", "/slack/events");
        event.addProperty("httpMethod", "POST");
        event.add("headers", headers);
        event.addProperty("body", args[0]);
        event.addProperty("isBase64Encoded", false);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), output, null);
        JsonObject answer = com.google.gson.JsonParser.parseString(output.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        System.out.println(answer.get("statusCode").getAsInt());
        System.out.println(answer.get("body").getAsString());
    }
}
