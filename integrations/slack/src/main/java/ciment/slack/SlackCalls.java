package ciment.slack;

import com.slack.api.SlackConfig;
import com.slack.api.util.http.listener.HttpResponseListener;

/**
 * Counts every Slack Web API call that Ciment's Slack clients make (issue 6: Slack calls are free, and
 * counted per community). One hook per process, set by the function that meters its invocations; every
 * client made by {@link CimentSlackApp} tells it of each response it gets.
 */
public final class SlackCalls {
    private static volatile Runnable counter = () -> {
    };

    private SlackCalls() {
    }

    /** What each call does to count itself (the functions: add one to the running invocation). */
    public static void countWith(Runnable each) {
        counter = each == null ? () -> {
        } : each;
    }

    /** The config, its clients counting their calls. */
    static SlackConfig counted(SlackConfig config) {
        config.getHttpClientResponseHandlers().add(new HttpResponseListener() {
            @Override
            public void accept(State state) {
                counter.run();
            }
        });
        return config;
    }
}
