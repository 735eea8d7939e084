package ciment.teams;

import ciment.core.config.Settings;
import ciment.teams.auth.AllowedTenants;
import ciment.teams.auth.BotConnectorAuth;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.TeamsEndpoint;
import ciment.teams.inbound.WarmUp;
import ciment.teams.outbound.TeamsCalls;
import ciment.teams.render.TeamsWire;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams function's side of Bot Framework, as it starts: its settings checked before anything starts (an app id,
 * unless unauthenticated activities are allowed; the tenants served), then the adapter loaded while the signing
 * keys, the outbound token and a warm-up are fetched on background threads. Each call over the Bot Connector is
 * counted, and no activity larger than Teams takes leaves a turn.
 */
public final class TeamsApp {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsApp.class);

    private final Settings settings;
    private final AllowedTenants tenants;

    private TeamsApp(Settings settings, AllowedTenants tenants) {
        this.settings = settings;
        this.tenants = tenants;
    }

    /**
     * @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, accept activities without a
     *                             token (the Bot Framework Emulator's mode). With an app id set, every activity is
     *                             validated whatever this says.
     * @throws IllegalStateException without MICROSOFT_APP_ID (unless allowed), or without tenants to serve
     */
    public static TeamsApp configured(Settings settings, boolean allowUnauthenticated) {
        if (!hasAppId(settings) && !allowUnauthenticated) {
            throw new IllegalStateException("MICROSOFT_APP_ID is not set, and the Teams function accepts only activities "
                    + "signed by the Bot Connector for that app id: set it (see CONTRACT.md's configuration table).");
        }
        // Before anything starts: without a list of tenants, nothing would be served.
        return new TeamsApp(settings, AllowedTenants.fromSettings(settings));
    }

    /** Without an app id, activities come unauthenticated (the Bot Framework Emulator's mode, if allowed). */
    private static boolean hasAppId(Settings settings) {
        return settings.get("MICROSOFT_APP_ID").isPresent();
    }

    /**
     * The endpoint, its adapter started now and its bot made once the adapter is (the bot waits for the store).
     *
     * @param eachCall counts each call over the Bot Connector (the function's metering)
     */
    public TeamsEndpoint start(Clock clock, Runnable eachCall, Supplier<Bot> bot) {
        ClientCredentials credentials = ClientCredentials.fromSettings(settings, clock);
        inBackground("ciment-warm-up", () -> WarmUp.run(credentials));
        InboundAuth auth;
        if (hasAppId(settings)) {
            BotConnectorAuth connectorAuth = BotConnectorAuth.fromSettings(settings, clock);
            inBackground("ciment-signing-keys", () -> connectorAuth.keys().prefetch());
            inBackground("ciment-bot-token", credentials::prefetch);
            auth = connectorAuth;
        } else {
            LOG.warn("MICROSOFT_APP_ID is not set: accepting Teams activities WITHOUT authentication "
                    + "(Bot Framework Emulator mode). Never run this way where the Bot Connector can reach it.");
            auth = InboundAuth.unauthenticated();
        }
        BotFrameworkAdapter adapter = new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null);
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter, bot.get(), auth, tenants);
        adapter.use(new TeamsCalls(eachCall).middleware());
        adapter.use(TeamsWire.middleware()); // no activity larger than Teams takes leaves the turn
        return endpoint;
    }

    /** Work that only warms up: what it throws is left for the first request to meet again. */
    private static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable ignored) {
                // the request that needs it tries again
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
