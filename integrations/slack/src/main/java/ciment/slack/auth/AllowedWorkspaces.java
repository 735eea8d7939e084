package ciment.slack.auth;

import ciment.core.config.AllowList;
import ciment.core.config.Settings;

/**
 * The Slack workspaces Ciment serves: CIMENT_SLACK_ALLOWED_WORKSPACES, team ids (T...) comma-separated, or
 * {@code *} for any; required (a function refuses to start without it). It is checked on every install and every
 * request, and before anything is delivered. On Enterprise Grid an organisation's id (E...) stands for all its
 * workspaces: its org-wide install and any request that carries it as enterprise_id. A delivery knows only the
 * workspace it goes to (a notice's account, a linked channel), so it is matched by team id alone.
 */
public record AllowedWorkspaces(AllowList ids) {
    public static final String SETTING = "CIMENT_SLACK_ALLOWED_WORKSPACES";

    public static AllowedWorkspaces fromSettings(Settings settings) {
        return new AllowedWorkspaces(AllowList.required(settings, SETTING));
    }

    /** An install or a request of this workspace, in this organisation (null off Enterprise Grid). */
    boolean allows(String enterpriseId, String teamId) {
        return teamId != null && ids.allows(teamId) || enterpriseId != null && ids.allows(enterpriseId) || ids.allowsAny();
    }

    /** A delivery into this workspace (team id). */
    public boolean allowsWorkspace(String teamId) {
        return ids.allows(teamId);
    }
}
