package ciment.bench;

import ciment.devkit.ApiGateway;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.TeamsActivities;
import ciment.functions.slack.SlackFunction;
import ciment.functions.teams.TeamsFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** One warm function instance in this JVM, timed request by request, as a warm Lambda container would serve them. */
final class WarmLatency {
    static final int WARM_UP = 100;

    private final BenchStack stack;

    WarmLatency(BenchStack stack) {
        this.stack = stack;
    }

    Percentiles slack(SlackFunction function, int requests, IntFunction<String> text) {
        return time(requests, i -> {
            String event = Events.slack(stack.slashCommands.sign(stack.slashCommand(text.apply(i)), Instant.now()));
            return () -> ApiGateway.invoke(function, event);
        });
    }

    Percentiles teams(TeamsFunction function, int requests, IntFunction<String> text) {
        return teamsActivities(function, requests, i -> stack.teamsMessage(text.apply(i)));
    }

    /** Any activity of the bench's Teams person: an invoke (card click, messaging extension) as well as a message. */
    Percentiles teamsActivities(TeamsFunction function, int requests, IntFunction<TeamsActivities.Message> activity) {
        String token = stack.teamsToken();
        return time(requests, i -> {
            String event = Events.teams(activity.apply(i).nextId().json(), token);
            return () -> ApiGateway.invoke(function, event);
        });
    }

    /** Any signed Slack request (an Events API event, an interaction) besides slash commands. */
    Percentiles slackSigned(SlackFunction function, int requests, IntFunction<SlashCommands.Signed> request) {
        return time(requests, i -> {
            String event = Events.slack(request.apply(i));
            return () -> ApiGateway.invoke(function, event);
        });
    }

    /**
     * Prepares each request untimed, then times only the function's handling of it (its whole Lambda entry,
     * event JSON in, answer JSON out), and checks the answer after.
     */
    private static Percentiles time(int requests, IntFunction<Supplier<String>> prepare) {
        for (int i = 0; i < WARM_UP; i++) {
            expectOk(prepare.apply(-1 - i).get());
        }
        List<Long> nanos = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            Supplier<String> request = prepare.apply(i);
            long start = System.nanoTime();
            String answer = request.get();
            nanos.add(System.nanoTime() - start);
            expectOk(answer);
        }
        return Percentiles.ofNanos(nanos);
    }

    static void expectOk(String answer) {
        if (ApiGateway.Answer.read(answer).status() != 200) {
            throw new IllegalStateException("the function answered " + answer);
        }
    }
}
