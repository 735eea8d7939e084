package ciment.slack.outbound;

/**
 * Where a command came from: the workspace (team_id) and, on Enterprise Grid, the organisation
 * (enterprise_id, else null). A user whose own workspace is another organisation's is a guest here.
 */
public record SlackOrigin(String teamId, String enterpriseId) {
}
