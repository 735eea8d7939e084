package ciment.bench;

import ciment.devkit.slack.SlashCommands;
import ciment.functions.slack.SlackFunction;
import ciment.functions.teams.TeamsFunction;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** One warm function instance in this JVM, timed request by request, as a warm Lambda container would serve them. */
final class WarmLatency {
    private static final int WARM_UP = 100;

    private final BenchStack stack;

    WarmLatency(BenchStack stack) {
        this.stack = stack;
    }

    Percentiles slack(SlackFunction function, int requests, IntFunction<String> text) {
        return time(requests, i -> {
            SlashCommands.Signed signed = stack.slashCommands.sign(stack.slashCommand(text.apply(i)), Instant.now());
            ApiGatewayRequest event = new ApiGatewayRequest();
            event.setPath("/slack/events");
            event.setHttpMethod("POST");
            Map<String, String> headers = new HashMap<>();
            signed.headers().forEach((name, value) -> headers.put(name.toLowerCase(), value));
            event.setHeaders(headers);
            event.setBody(signed.body());
            return () -> expectOk(function.handleRequest(event, null).getStatusCode());
        });
    }

    Percentiles teams(TeamsFunction function, int requests, IntFunction<String> text) {
        String token = stack.teamsToken();
        return time(requests, i -> {
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRawPath("/api/messages")
                    .withHeaders(Map.of("content-type", "application/json", "authorization", "Bearer " + token))
                    .withBody(stack.teamsMessage(text.apply(i)).nextId().json())
                    .withIsBase64Encoded(false)
                    .build();
            return () -> expectOk(function.handleRequest(event, null).getStatusCode());
        });
    }

    /** Prepares each request untimed, then times only the function's handling of it. */
    private static Percentiles time(int requests, IntFunction<Runnable> prepare) {
        for (int i = 0; i < WARM_UP; i++) {
            prepare.apply(-1 - i).run();
        }
        List<Long> nanos = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            Runnable request = prepare.apply(i);
            long start = System.nanoTime();
            request.run();
            nanos.add(System.nanoTime() - start);
        }
        return Percentiles.ofNanos(nanos);
    }

    private static void expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("the function answered " + status);
        }
    }
}
