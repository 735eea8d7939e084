package ciment.slack;

import ciment.core.config.Settings;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Slack workspaces (team ids, T...) allowed to install Ciment: CIMENT_SLACK_ALLOWED_WORKSPACES, comma-separated;
 * {@code *}, unset or empty allows any. An org-wide install on Enterprise Grid is allowed by its organisation's id.
 */
record AllowedWorkspaces(Set<String> ids) {
    static final String SETTING = "CIMENT_SLACK_ALLOWED_WORKSPACES";

    static AllowedWorkspaces fromSettings(Settings settings) {
        String listed = settings.get(SETTING, "*");
        Set<String> ids = Arrays.stream(listed.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new AllowedWorkspaces(ids.contains("*") ? Set.of() : ids);
    }

    boolean allows(String enterpriseId, String teamId) {
        return ids.isEmpty() || (teamId != null && ids.contains(teamId))
                || (teamId == null && enterpriseId != null && ids.contains(enterpriseId));
    }
}
