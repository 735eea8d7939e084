package ciment.slack;

import ciment.core.config.AllowList;
import ciment.core.config.Settings;

/**
 * The Slack workspaces (team ids, T...) allowed to install Ciment: CIMENT_SLACK_ALLOWED_WORKSPACES, comma-separated;
 * {@code *}, unset or empty allows any. An org-wide install on Enterprise Grid is allowed by its organisation's id.
 */
record AllowedWorkspaces(AllowList ids) {
    static final String SETTING = "CIMENT_SLACK_ALLOWED_WORKSPACES";

    static AllowedWorkspaces fromSettings(Settings settings) {
        return new AllowedWorkspaces(AllowList.of(settings, SETTING));
    }

    boolean allows(String enterpriseId, String teamId) {
        return ids.allowsAny() || (teamId != null ? ids.allows(teamId) : enterpriseId != null && ids.allows(enterpriseId));
    }
}
