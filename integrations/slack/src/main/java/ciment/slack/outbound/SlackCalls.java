package ciment.slack.outbound;

import com.slack.api.SlackConfig;
import com.slack.api.util.http.listener.HttpResponseListener;

/**
 * Counts every Slack Web API call that Ciment's Slack clients make (issue 6: Slack calls are free, and
 * counted per community): each client made with a {@link SlackConfig} {@link #counted} here tells the
 * function's hook of each response it gets. One per function instance, passed to what makes its clients.
 */
public final class SlackCalls {
    /** Counts nothing (tests, tools that meter nothing). */
    public static final SlackCalls NONE = new SlackCalls(() -> {
    });

    private final Runnable each;

    /** @param each what each call does to count itself (the functions: add one to the running invocation) */
    public SlackCalls(Runnable each) {
        this.each = each;
    }

    /** The config, its clients counting their calls. */
    public SlackConfig counted(SlackConfig config) {
        config.getHttpClientResponseHandlers().add(new HttpResponseListener() {
            @Override
            public void accept(State state) {
                each.run();
            }
        });
        return config;
    }
}
