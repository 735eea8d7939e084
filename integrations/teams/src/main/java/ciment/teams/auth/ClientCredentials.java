package ciment.teams.auth;

import ciment.core.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's outbound identity: a plain OAuth2 client-credentials token for the Bot Connector, kept
 * until shortly before it expires. Replaces the SDK's MSAL path (heavy to load at cold start).
 */
public final class ClientCredentials extends AppCredentials {
    public static final String SCOPE = "https://api.botframework.com/.default";
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentials.class);
    private static final int TIMEOUT_MILLIS = 5000;

    private final String appPassword;
    private final URI tokenEndpoint;
    private final Clock clock;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(String appId, String appPassword, URI tokenEndpoint, Clock clock) {
        super(null, SCOPE);
        setAppId(appId);
        this.appPassword = appPassword;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
    }

    /**
     * MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and the token endpoint: MICROSOFT_OAUTH_ENDPOINT when set
     * (the full token URL), otherwise Microsoft's for MICROSOFT_APP_TENANT_ID (single-tenant bot) or
     * for botframework.com (multi-tenant bot).
     */
    public static ClientCredentials fromSettings(Settings settings, Clock clock) {
        String tenant = settings.get("MICROSOFT_APP_TENANT_ID", "botframework.com");
        String endpoint = settings.get("MICROSOFT_OAUTH_ENDPOINT",
                "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token");
        return new ClientCredentials(settings.get("MICROSOFT_APP_ID").orElse(null),
                settings.get("MICROSOFT_APP_PASSWORD").orElse(null), URI.create(endpoint), clock);
    }

    /**
     * The credentials a delivery function sends proactive messages with: without MICROSOFT_APP_ID it refuses to
     * start, unless {@code allowUnauthenticated} (the local runner: the Emulator's mode, no token, said loudly).
     */
    public static ClientCredentials forSending(Settings settings, Clock clock, boolean allowUnauthenticated) {
        if (settings.get("MICROSOFT_APP_ID").isEmpty()) {
            if (!allowUnauthenticated) {
                throw new IllegalStateException("MICROSOFT_APP_ID is not set, and the Bot Connector takes proactive "
                        + "messages only with that app's token: set it (see CONTRACT.md's configuration table).");
            }
            LOG.warn("MICROSOFT_APP_ID is not set: Teams notices are sent WITHOUT a token (Bot Framework Emulator mode).");
        }
        return fromSettings(settings, clock);
    }

    /** Fetches the first token now (from a background thread at start), so the first reply need not wait. */
    public void prefetch() {
        if (getAppId() == null) {
            return;
        }
        try {
            token();
        } catch (IOException e) {
            LOG.warn("Could not get a Bot Connector token at start; will retry on the first reply: {}", e.getMessage());
        }
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(token());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String oAuthEndpoint() {
        return tokenEndpoint.toString();
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tokens come from getToken(), not from MSAL");
    }

    synchronized String token() throws IOException {
        Instant now = clock.instant();
        if (accessToken == null || !now.isBefore(renewAt)) {
            fetch(now);
        }
        return accessToken;
    }

    private void fetch(Instant now) throws IOException {
        if (getAppId() == null || appPassword == null) {
            throw new IOException("MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are needed to reply through the Bot Connector");
        }
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(getAppId())
                + "&client_secret=" + encode(appPassword)
                + "&scope=" + encode(oAuthScope());
        HttpURLConnection connection = (HttpURLConnection) tokenEndpoint.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        connection.setRequestProperty("Accept", "application/json");
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("the token endpoint " + tokenEndpoint + " answered " + status + ": " + text);
            }
            JsonNode answer = Serialization.jsonToTree(text);
            JsonNode token = answer == null ? null : answer.get("access_token");
            if (token == null || !token.isTextual()) {
                throw new IOException("the token endpoint " + tokenEndpoint + " answered no access_token");
            }
            long expiresIn = answer.path("expires_in").asLong(3600);
            accessToken = token.asText();
            Duration life = Duration.ofSeconds(Math.max(expiresIn, 0));
            Duration margin = life.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0 ? life.dividedBy(2) : RENEW_BEFORE_EXPIRY;
            renewAt = now.plus(life).minus(margin);
        } finally {
            connection.disconnect();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
