package ciment.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the Slack app's OAuth installs are kept (multi-workspace mode): one installation per workspace, or per
 * organisation for an org-wide install on Enterprise Grid, with the bot token Ciment uses there. (The OAuth
 * {@code state} values handed out by /slack/install are signed, not stored: see the Slack integration.)
 */
public interface SlackInstallations {

    /**
     * One workspace's install: what Ciment uses of it, and nothing of the person who installed it (neither their user
     * id nor a user token: erase-my-data would have to find them there).
     *
     * @param enterpriseId the organisation on Enterprise Grid, else null
     * @param teamId       the workspace; null for an org-wide install
     */
    record Installation(String enterpriseId, String teamId, String teamName, String appId, String botUserId,
            String botId, String botToken, String botScopes, Instant installedAt) {

        /** Without the token: an installation that reaches a log or an assertion's message does not show it. */
        @Override
        public String toString() {
            return "Installation[enterpriseId=" + enterpriseId + ", teamId=" + teamId + ", teamName=" + teamName
                    + ", appId=" + appId + ", botUserId=" + botUserId + ", botId=" + botId + ", botToken="
                    + (botToken == null ? null : "(hidden)") + ", botScopes=" + botScopes + ", installedAt=" + installedAt + "]";
        }
    }

    /** Keeps the installation, replacing an earlier one of the same workspace (a re-install). */
    void save(Installation installation);

    /** The workspace's installation, else the organisation's org-wide one; empty when neither is installed. */
    Optional<Installation> find(String enterpriseId, String teamId);

    /** Forgets the workspace's installation (the app was uninstalled); nothing when there is none. */
    void delete(String enterpriseId, String teamId);
}
