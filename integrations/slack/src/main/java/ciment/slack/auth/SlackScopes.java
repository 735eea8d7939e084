package ciment.slack.auth;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bot scopes Ciment asks for, and why: each Web API method its code calls and each event it subscribes to,
 * with the scopes Slack requires for it (https://docs.slack.dev/reference/methods, .../reference/events).
 * manifest.yaml and the OAuth install ask for exactly {@link #bot()}: SlackManifestTest keeps the three in step
 * and checks that every method the code calls is listed here.
 */
public final class SlackScopes {
    /** Web API method to the bot scopes it needs (none: any token may call it). */
    public static final Map<String, Set<String>> METHODS = Map.ofEntries(
            Map.entry("auth.test", Set.of()),
            Map.entry("auth.revoke", Set.of()),
            Map.entry("chat.postMessage", Set.of("chat:write")),
            Map.entry("chat.postEphemeral", Set.of("chat:write")),
            Map.entry("chat.update", Set.of("chat:write")),
            Map.entry("chat.delete", Set.of("chat:write")),
            // Read back Ciment's own messages (their metadata names a post) in channels, private channels and DMs.
            Map.entry("conversations.history", Set.of("channels:history", "groups:history", "im:history")),
            Map.entry("conversations.replies", Set.of("channels:history", "groups:history", "im:history")),
            Map.entry("conversations.open", Set.of("im:write")),
            // The SDK's upload: files.getUploadURLExternal, then files.completeUploadExternal.
            Map.entry("files.uploadV2", Set.of("files:write")),
            // The email address links one person's Slack and Teams accounts.
            Map.entry("users.info", Set.of("users:read", "users:read.email")),
            Map.entry("views.open", Set.of()),
            Map.entry("views.update", Set.of()),
            Map.entry("views.publish", Set.of()));

    /** Bot event (as the manifest names it) to the bot scopes it needs. */
    public static final Map<String, Set<String>> EVENTS = Map.of(
            "app_home_opened", Set.of(),
            "message.channels", Set.of("channels:history"),
            "message.groups", Set.of("groups:history"),
            "message.im", Set.of("im:history"),
            "reaction_added", Set.of("reactions:read"),
            "reaction_removed", Set.of("reactions:read"));

    /** Events Bolt handles itself in OAuth mode: an uninstall or revoked token forgets the installation. */
    public static final Map<String, Set<String>> INSTALL_EVENTS = Map.of(
            "app_uninstalled", Set.of(),
            "tokens_revoked", Set.of());

    /**
     * Beyond methods and events: {@code commands} for /ciment and the shortcuts; {@code chat:write.customize}
     * for the author's name and picture (username, icon_url) on the copies of posts written in Teams.
     */
    static final Map<String, String> FEATURES = Map.of(
            "slash command and shortcuts", "commands",
            "copies posted as their author", "chat:write.customize");

    private SlackScopes() {
    }

    /** Every bot scope, sorted. */
    public static Set<String> bot() {
        Set<String> scopes = new TreeSet<>();
        METHODS.values().forEach(scopes::addAll);
        EVENTS.values().forEach(scopes::addAll);
        INSTALL_EVENTS.values().forEach(scopes::addAll);
        scopes.addAll(FEATURES.values());
        return scopes;
    }

    /** As the OAuth authorize URL takes them: comma-separated. */
    public static String botScopeParameter() {
        return String.join(",", bot());
    }
}
