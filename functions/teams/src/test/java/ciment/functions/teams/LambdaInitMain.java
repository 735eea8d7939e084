package ciment.functions.teams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as
 * Lambda does (the public no-arg constructor, settings from the environment), hands its stream entry
 * the one activity given as arguments (body, Authorization header) as API Gateway's payload 2.0, and
 * prints the status it wrote back.
 */
public final class LambdaInitMain {
    public static void main(String[] args) throws IOException {
        TeamsFunction function = new TeamsFunction();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(TeamsStack.event(args[0], args[1]).getBytes(StandardCharsets.UTF_8)),
                output, null);
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.toByteArray()).get("statusCode"));
        // The Bot Framework's idle worker threads (not daemons) would keep this JVM up for a minute more.
        System.exit(0);
    }
}
