package ciment.slack.outbound;

import ciment.core.config.Settings;
import ciment.core.port.Refused;
import ciment.core.port.SlackInstallations;
import ciment.slack.auth.SlackSettings;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery functions' Web API clients, by workspace (team id): in OAuth mode the bot token of the workspace's
 * installation, found in the table (kept a minute per container and workspace); SLACK_BOT_TOKEN otherwise, and
 * for a workspace installed before OAuth mode was turned on. A workspace with neither is refused for good: the
 * record is given up rather than retried to no end.
 */
final class WorkspaceClients {
    private final Slack slack;
    private final MethodsClient fallback;
    private final SlackInstallations installations;
    /** Installed clients by workspace, each kept a minute: a reinstall's new token is used soon after. */
    private final Map<String, Kept> byWorkspace = new ConcurrentHashMap<>();
    private static final long KEPT_NANOS = java.time.Duration.ofMinutes(1).toNanos();

    private record Kept(MethodsClient client, long since) {
        boolean fresh() {
            return System.nanoTime() - since < KEPT_NANOS;
        }
    }

    private WorkspaceClients(Slack slack, MethodsClient fallback, SlackInstallations installations) {
        this.slack = slack;
        this.fallback = fallback;
        this.installations = installations;
    }

    /** One client for every workspace (tests; single-workspace mode). */
    static WorkspaceClients fixed(MethodsClient client) {
        return new WorkspaceClients(null, client, null);
    }

    /**
     * At SLACK_API_URL, with SLACK_BOT_TOKEN when set; with {@code installations} in OAuth mode (SLACK_CLIENT_ID).
     *
     * @param installations the table's installations, or null to use SLACK_BOT_TOKEN alone
     */
    static WorkspaceClients fromSettings(Settings settings, SlackInstallations installations) {
        return fromSettings(settings, installations, SlackCalls.NONE);
    }

    /** As {@link #fromSettings(Settings, SlackInstallations)}, each call counted by {@code calls}. */
    static WorkspaceClients fromSettings(Settings settings, SlackInstallations installations, SlackCalls calls) {
        SlackConfig config = calls.counted(new SlackConfig());
        config.setMethodsEndpointUrlPrefix(SlackSettings.withTrailingSlash(
                settings.get(SlackSettings.API_URL, SlackSettings.DEFAULT_API_URL)));
        Slack slack = Slack.getInstance(config);
        boolean oauth = SlackSettings.isOAuth(settings) && installations != null;
        if (!oauth && settings.get(SlackSettings.BOT_TOKEN).isEmpty()) {
            throw new IllegalStateException(SlackSettings.BOT_TOKEN + " is not set (nor " + SlackSettings.CLIENT_ID
                    + " for OAuth installs): see CONTRACT.md's configuration table.");
        }
        MethodsClient fallback = settings.get(SlackSettings.BOT_TOKEN).map(slack::methods).orElse(null);
        return new WorkspaceClients(slack, fallback, oauth ? installations : null);
    }

    /** The client for {@code workspace}'s bot. */
    MethodsClient of(String workspace) throws Refused {
        if (installations == null || workspace == null) {
            return orFallback(workspace);
        }
        Kept kept = byWorkspace.get(workspace);
        if (kept != null && kept.fresh()) {
            return kept.client();
        }
        // Not kept when absent: a workspace that installs later is found at its next copy or notice.
        Optional<MethodsClient> installed = installations.find(null, workspace)
                .map(installation -> slack.methods(installation.botToken()));
        installed.ifPresentOrElse(client -> byWorkspace.put(workspace, new Kept(client, System.nanoTime())),
                () -> byWorkspace.remove(workspace));
        return installed.isPresent() ? installed.get() : orFallback(workspace);
    }

    private MethodsClient orFallback(String workspace) throws Refused {
        if (fallback == null) {
            throw new Refused("Ciment is not installed in Slack workspace " + workspace + ": no bot token to send with.");
        }
        return fallback;
    }
}
