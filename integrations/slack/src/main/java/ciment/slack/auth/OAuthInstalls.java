package ciment.slack.auth;

import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.port.SlackInstallations;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * OAuth (multi-workspace) mode, all with Bolt's own flow: GET {@value SlackSettings#INSTALL_PATH} redirects to
 * Slack's authorize URL (client id, the scopes of {@link SlackScopes}, a state, the redirect URI), GET
 * {@value SlackSettings#REDIRECT_PATH} checks the state, calls oauth.v2.access at SLACK_API_URL and stores the
 * installation ({@link InstallCallback}: allowed workspaces only). Installations live in the table (a Lambda
 * container keeps nothing between requests); states are signed, not stored ({@link SignedOAuthStates}). Bolt's MultiTeamsAuthorization then finds each request's
 * bot token there; a workspace without an installation gets Bolt's answer (install the app first).
 */
public final class OAuthInstalls {
    private OAuthInstalls() {
    }

    /** @param words the deployment's language, for the installer's pages (nobody Ciment knows yet) */
    public static void configure(App app, Settings settings, AllowedWorkspaces allowed,
            Supplier<SlackInstallations> installations, Clock clock, Catalogue words) {
        if (installations == null) {
            throw new IllegalStateException(SlackSettings.CLIENT_ID + " is set (OAuth installs) but no store of installations was given.");
        }
        var config = app.config();
        config.setOauthInstallPath(SlackSettings.INSTALL_PATH);
        config.setOauthRedirectUriPath(SlackSettings.REDIRECT_PATH);
        // Straight to Slack (302), as Bolt 1.0-1.3 did, rather than a page with an "Add to Slack" button.
        config.setOAuthInstallPageRenderingEnabled(false);
        BoltInstallations stored = new BoltInstallations(installations, words);
        app.asOAuthApp(true);
        app.service(new SignedOAuthStates(settings.require(SlackSettings.CLIENT_SECRET), clock));
        app.service(stored);
        app.oauthCallback(new InstallCallback(config, stored, allowed, words));
        app.oauthCallbackStateError((request, response) -> InstallPages.page(response, 400,
                words.say("slack.install.expired"), words));
        app.oauthCallbackError((request, response) -> InstallPages.page(response, 200,
                words.say("slack.install.cancelled", request.getPayload().getError()), words));
        app.oauthCallbackAccessError((com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler)
                (request, response, access) -> InstallPages.page(response, 400,
                        words.say("slack.install.refused", access.getError()), words));
        // An uninstall, or the bot's token revoked, forgets the installation: at once, before the answer (Bolt's
        // own handlers delete on a thread of their own, which Lambda freezes once the response is sent).
        app.event(AppUninstalledEvent.class, (payload, context) -> {
            stored.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
            return context.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, context) -> {
            var tokens = payload.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                stored.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
            }
            return context.ack();
        });
    }
}
