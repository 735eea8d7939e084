package ciment.functions.teams;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as
 * Lambda does (the public no-arg constructor, settings from the environment), hands its stream entry
 * the event JSON given as the argument, and prints the answer JSON it wrote back.
 */
public final class LambdaInitMain {
    public static void main(String[] args) throws IOException {
        TeamsFunction function = new TeamsFunction();
        function.handleRequest(new ByteArrayInputStream(args[0].getBytes(StandardCharsets.UTF_8)), System.out, null);
        System.out.flush();
        // The Bot Framework's idle worker threads (not daemons) would keep this JVM up for a minute more.
        System.exit(0);
    }
}
