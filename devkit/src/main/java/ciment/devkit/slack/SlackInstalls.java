package ciment.devkit.slack;

import static ciment.devkit.slack.FakeSlackApi.BOT_ID;
import static ciment.devkit.slack.FakeSlackApi.BOT_USER_ID;

import ciment.devkit.slack.FakeSlackApi.Call;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs, as Slack's OAuth does them: oauth.v2.access exchanges a code a test registered for a bot token of
 * its workspace (a code is good once); auth.test with that token reports that workspace, and auth.revoke
 * refuses it from then on.
 */
final class SlackInstalls {
    private final Map<String, Workspace> codes = new ConcurrentHashMap<>();
    private final Map<String, Workspace> issued = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    private record Workspace(String teamId, String teamName, String botToken) {
    }

    /** The bot token the exchange of this code will give. */
    String register(String code, String teamId, String teamName) {
        Workspace workspace = new Workspace(teamId, teamName, "xoxb-" + teamId + "-" + code);
        codes.put(code, workspace);
        return workspace.botToken();
    }

    Set<String> revoked() {
        return Set.copyOf(revoked);
    }

    /**
     * Slack's answer to oauth.v2.access: the client's credentials (HTTP Basic or form fields) and a code a
     * test registered.
     */
    Map<String, Object> access(Call call) {
        boolean identified = call.param("client_id") != null || call.token() != null;
        if (!identified) {
            return Map.of("ok", false, "error", "invalid_client_id");
        }
        Workspace workspace = call.param("code") == null ? null : codes.remove(call.param("code"));
        if (workspace == null) {
            return Map.of("ok", false, "error", "invalid_code");
        }
        issued.put(workspace.botToken(), workspace);
        return Map.of("ok", true, "access_token", workspace.botToken(), "token_type", "bot",
                "scope", "commands,chat:write", "bot_user_id", BOT_USER_ID, "app_id", "A0CIMENT01",
                "team", Map.of("id", workspace.teamId(), "name", workspace.teamName()),
                "is_enterprise_install", false,
                "authed_user", Map.of("id", "U0INSTALLER"));
    }

    /**
     * The answer to a call made with a token this fake revoked (token_revoked) or issued (auth.test as its
     * workspace, auth.revoke); empty when the call is not one of those.
     */
    Optional<Map<String, Object>> answer(Call call) {
        if (call.token() != null && revoked.contains(call.token())) {
            return Optional.of(Map.of("ok", false, "error", "token_revoked"));
        }
        Workspace workspace = call.token() == null ? null : issued.get(call.token());
        if (workspace == null) {
            return Optional.empty();
        }
        return switch (call.method()) {
            case "auth.test" -> Optional.of(Map.of("ok", true, "url", "https://"
                    + workspace.teamId().toLowerCase(Locale.ROOT) + ".slack.com/", "team", workspace.teamName(),
                    "user", "ciment", "team_id", workspace.teamId(), "user_id", BOT_USER_ID, "bot_id", BOT_ID,
                    "is_enterprise_install", false));
            case "auth.revoke" -> {
                revoked.add(call.token());
                yield Optional.of(Map.of("ok", true, "revoked", true));
            }
            default -> Optional.empty();
        };
    }
}
