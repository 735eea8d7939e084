package ciment.slack;

import ciment.core.config.Settings;
import ciment.core.service.Ciment;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Bolt app of Ciment: {@code /ciment} answered in Block Kit, and the App Home, buttons, modals,
 * the Save-to-community shortcut and the events about Ciment's messages ({@link SlackInteractivity}). Configured only from {@link Settings}
 * (CONTRACT.md's names), never from Bolt's own reading of the environment.
 */
public final class CimentSlackApp {
    public static final String COMMAND = "/ciment";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** users.info must leave room for the store and the answer within Slack's 3 seconds. */
    static final Duration USERS_INFO_TIMEOUT = Duration.ofMillis(900);

    private CimentSlackApp() {
    }

    /**
     * @param ciment gives Ciment when a command arrives (the Lambda function builds it in parallel with Bolt)
     * @param clock  dates a command that carries no Slack timestamp
     */
    public static App create(Settings settings, Supplier<Ciment> ciment, Clock clock) {
        SlackConfig slackConfig = SlackCalls.counted(new SlackConfig());
        slackConfig.setMethodsEndpointUrlPrefix(withTrailingSlash(settings.get(API_URL, DEFAULT_API_URL)));
        Slack slack = Slack.getInstance(slackConfig);
        Optional<String> botToken = settings.get(BOT_TOKEN);

        AppConfig config = AppConfig.builder()
                .signingSecret(settings.require(SIGNING_SECRET))
                .singleTeamBotToken(botToken.orElse(null))
                // Bolt would read these from the environment; Ciment is configured by its settings only.
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .slack(slack)
                // Edits, deletions, joins ... in channels Ciment is in: acknowledged, nothing to do.
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        App app = new App(config);
        MethodsClient web = botToken.map(token -> quick(slack).methods(token)).orElse(null);
        SlackIntroductions introductions = new SlackIntroductions(web);
        app.command(COMMAND, new CimentSlashCommand(ciment, introductions, clock));
        SlackInteractivity.register(app, ciment, introductions, web, clock);
        return app;
    }

    /** A Web API client with the bot token, at SLACK_API_URL: for the delivery functions, which run no Bolt app. */
    public static MethodsClient botMethods(Settings settings) {
        SlackConfig config = SlackCalls.counted(new SlackConfig());
        config.setMethodsEndpointUrlPrefix(withTrailingSlash(settings.get(API_URL, DEFAULT_API_URL)));
        return Slack.getInstance(config).methods(settings.require(BOT_TOKEN));
    }

    /** The same client and connection pool, with a short deadline per call. */
    static Slack quick(Slack slack) {
        var okHttp = slack.getHttpClient().getOkHttpClient().newBuilder().callTimeout(USERS_INFO_TIMEOUT).build();
        return Slack.getInstance(slack.getConfig(), new SlackHttpClient(okHttp));
    }

    static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
