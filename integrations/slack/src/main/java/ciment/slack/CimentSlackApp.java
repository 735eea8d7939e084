package ciment.slack;

import ciment.core.Ciment;
import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.port.SlackInstallations;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.OAuthInstalls;
import ciment.slack.auth.SlackScopes;
import ciment.slack.auth.SlackSettings;
import ciment.slack.auth.WorkspaceGate;
import ciment.slack.inbound.CimentSlashCommand;
import ciment.slack.inbound.SlackInteractivity;
import ciment.slack.outbound.BotClient;
import ciment.slack.outbound.SlackCalls;
import ciment.slack.outbound.SlackIntroductions;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Bolt app of Ciment: {@code /ciment} answered in Block Kit, and the App Home, buttons, modals,
 * the Save-to-community shortcut and the events about Ciment's messages ({@link SlackInteractivity}). Configured only from {@link Settings}
 * (CONTRACT.md's names), never from Bolt's own reading of the environment.
 */
public final class CimentSlackApp {
    public static final String COMMAND = "/ciment";
    /** users.info must leave room for the store and the answer within Slack's 3 seconds. */
    static final Duration USERS_INFO_TIMEOUT = Duration.ofMillis(900);

    private CimentSlackApp() {
    }

    /**
     * Serves only the workspaces of CIMENT_SLACK_ALLOWED_WORKSPACES ({@link WorkspaceGate}); refuses to be built
     * when that list is empty.
     *
     * @param ciment gives Ciment when a command arrives (the Lambda function builds it in parallel with Bolt)
     * @param clock  dates a command that carries no Slack timestamp
     */
    public static App create(Settings settings, Supplier<Ciment> ciment, Clock clock) {
        return create(settings, ciment, clock, null);
    }

    /**
     * As {@link #create(Settings, Supplier, Clock)}; with SLACK_CLIENT_ID set, in OAuth (multi-workspace) mode:
     * installs through {@value SlackSettings#INSTALL_PATH} and {@value SlackSettings#REDIRECT_PATH}, kept in {@code installations}, and
     * each request served with its workspace's bot token.
     *
     * @param installations the table's installs when it is ready; used in OAuth mode only
     */
    public static App create(Settings settings, Supplier<Ciment> ciment, Clock clock,
            Supplier<SlackInstallations> installations) {
        return create(settings, ciment, clock, installations, SlackCalls.NONE);
    }

    /** As {@link #create(Settings, Supplier, Clock, Supplier)}, each Web API call counted by {@code calls}. */
    public static App create(Settings settings, Supplier<Ciment> ciment, Clock clock,
            Supplier<SlackInstallations> installations, SlackCalls calls) {
        SlackConfig slackConfig = calls.counted(new SlackConfig());
        slackConfig.setMethodsEndpointUrlPrefix(SlackSettings.withTrailingSlash(settings.get(SlackSettings.API_URL, SlackSettings.DEFAULT_API_URL)));
        Slack slack = Slack.getInstance(slackConfig);
        boolean oauth = SlackSettings.isOAuth(settings);
        Optional<String> botToken = oauth ? Optional.empty() : settings.get(SlackSettings.BOT_TOKEN);

        AppConfig config = AppConfig.builder()
                .signingSecret(settings.require(SlackSettings.SIGNING_SECRET))
                .singleTeamBotToken(botToken.orElse(null))
                // Bolt would read these from the environment; Ciment is configured by its settings only.
                .verificationToken(null)
                .clientId(oauth ? settings.require(SlackSettings.CLIENT_ID) : null)
                .clientSecret(oauth ? settings.require(SlackSettings.CLIENT_SECRET) : null)
                .scope(oauth ? SlackScopes.botScopeParameter() : null)
                .userScope(null)
                .redirectUri(oauth ? SlackSettings.redirectUri(settings) : null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                // OAuth mode: Bolt checks each request's token with auth.test; once per token per 10 minutes is enough.
                .authTestCacheEnabled(oauth)
                .slack(slack)
                // Edits, deletions, joins ... in channels Ciment is in: acknowledged, nothing to do.
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
        AllowedWorkspaces allowed = AllowedWorkspaces.fromSettings(settings);
        // Said to whom Ciment cannot place: a refused workspace, an installer's browser, a failure before a lookup.
        Catalogue deployment = Catalogue.first(Optional.of(DefaultLanguage.fromSettings(settings)));
        App app = gated(config, allowed, deployment);
        BotClient web;
        if (oauth) {
            web = BotClient.perRequest(quick(slack));
            OAuthInstalls.configure(app, settings, allowed, installations, clock, deployment);
            app.use(web.middleware());
        } else {
            web = BotClient.fixed(botToken.map(token -> quick(slack).methods(token)).orElse(null));
            // Sent in OAuth mode only (manifest.yaml subscribes to them): with one token, nothing to forget.
            app.event(AppUninstalledEvent.class, (payload, context) -> context.ack());
            app.event(TokensRevokedEvent.class, (payload, context) -> context.ack());
        }
        SlackIntroductions introductions = new SlackIntroductions(web);
        app.command(COMMAND, new CimentSlashCommand(ciment, introductions, clock, deployment));
        SlackInteractivity.register(app, ciment, introductions, web, clock, deployment);
        return app;
    }

    /**
     * Bolt's app with {@link WorkspaceGate} among its own middleware: right after the request's signature is checked
     * and before the installation is looked up, so that a workspace taken off the list costs no read.
     */
    private static App gated(AppConfig config, AllowedWorkspaces allowed, Catalogue deployment) {
        WorkspaceGate gate = new WorkspaceGate(allowed, deployment);
        return new App(config) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(AppConfig appConfig) {
                List<Middleware> middleware = new ArrayList<>(super.buildDefaultMiddlewareList(appConfig));
                int verified = 0;
                for (int i = 0; i < middleware.size(); i++) {
                    if (middleware.get(i) instanceof RequestVerification) {
                        verified = i + 1;
                    }
                }
                middleware.add(verified, gate);
                return middleware;
            }
        };
    }

    /** The same client and connection pool, with a short deadline per call. */
    public static Slack quick(Slack slack) {
        var okHttp = slack.getHttpClient().getOkHttpClient().newBuilder().callTimeout(USERS_INFO_TIMEOUT).build();
        return Slack.getInstance(slack.getConfig(), new SlackHttpClient(okHttp));
    }
}
