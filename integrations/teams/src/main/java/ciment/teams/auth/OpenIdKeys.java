package ciment.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector's signing keys, from its OpenID metadata's jwks_uri, with their endorsements.
 * Kept for a day; fetched again when a token names a kid we do not know (Microsoft rotates keys),
 * but at most once per 5 minutes so that tokens with made-up kids cannot make us hammer the endpoint.
 */
public final class OpenIdKeys {
    static final Duration MAX_AGE = Duration.ofDays(1);
    static final Duration UNKNOWN_KID_REFRESH_INTERVAL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(OpenIdKeys.class);
    private static final int TIMEOUT_MILLIS = 3000;

    /** A published key and the channels it may sign for. */
    record Key(PublicKey publicKey, Set<String> endorsements) {
    }

    private final URI metadataUrl;
    private final Clock clock;
    private Map<String, Key> keys = Map.of();
    private Instant fetchedAt;
    private Instant lastUnknownKidRefresh;
    private int fetches;

    public OpenIdKeys(URI metadataUrl, Clock clock) {
        this.metadataUrl = metadataUrl;
        this.clock = clock;
    }

    /** Loads the keys now (call it from a background thread at start, so the first request finds them). */
    public synchronized void prefetch() {
        if (fetchedAt == null) {
            try {
                refresh();
            } catch (IOException e) {
                LOG.warn("Could not fetch the Bot Connector's signing keys at start; will retry on the first request: {}", e.getMessage());
            }
        }
    }

    /** The key of this kid, fetching the key set first when it is missing, a day old, or lacks this kid. */
    synchronized Optional<Key> find(String kid) throws Unauthorized {
        Instant now = clock.instant();
        boolean fresh = false;
        if (fetchedAt == null || fetchedAt.plus(MAX_AGE).isBefore(now)) {
            refreshOrKeep("the signing keys could not be fetched");
            fresh = true;
        }
        if (!keys.containsKey(kid) && !fresh && mayRefreshForUnknownKid(now)) {
            lastUnknownKidRefresh = now;
            refreshOrKeep("the signing keys could not be fetched for unknown kid " + kid);
        }
        return Optional.ofNullable(keys.get(kid));
    }

    /** How many times the key set was fetched (for tests and logs). */
    synchronized int fetches() {
        return fetches;
    }

    private boolean mayRefreshForUnknownKid(Instant now) {
        return lastUnknownKidRefresh == null || !lastUnknownKidRefresh.plus(UNKNOWN_KID_REFRESH_INTERVAL).isAfter(now);
    }

    private void refreshOrKeep(String failure) throws Unauthorized {
        try {
            refresh();
        } catch (IOException e) {
            if (keys.isEmpty()) {
                throw new Unauthorized(failure + ": " + e.getMessage(), e);
            }
            LOG.warn("{}, keeping the previous ones: {}", failure, e.getMessage());
            // try again in a few minutes, not on every request
            fetchedAt = clock.instant().minus(MAX_AGE).plus(UNKNOWN_KID_REFRESH_INTERVAL);
        }
    }

    private void refresh() throws IOException {
        fetches++;
        JsonNode metadata = getJson(metadataUrl);
        JsonNode jwksUri = metadata.get("jwks_uri");
        if (jwksUri == null || !jwksUri.isTextual()) {
            throw new IOException("the OpenID metadata at " + metadataUrl + " has no jwks_uri");
        }
        JsonNode jwks = getJson(metadataUrl.resolve(jwksUri.asText()));
        Map<String, Key> loaded = new HashMap<>();
        for (JsonNode jwk : jwks.path("keys")) {
            String kid = jwk.path("kid").asText("");
            if (kid.isEmpty() || !"RSA".equals(jwk.path("kty").asText())
                    || !jwk.path("n").isTextual() || !jwk.path("e").isTextual()) {
                continue;
            }
            Set<String> endorsements = new HashSet<>();
            jwk.path("endorsements").forEach(e -> endorsements.add(e.asText()));
            loaded.put(kid, new Key(rsaKey(jwk.get("n").asText(), jwk.get("e").asText()), Set.copyOf(endorsements)));
        }
        if (loaded.isEmpty()) {
            throw new IOException("the key set at " + jwksUri.asText() + " lists no RSA key");
        }
        keys = Map.copyOf(loaded);
        fetchedAt = clock.instant();
    }

    private static PublicKey rsaKey(String modulus, String exponent) throws IOException {
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(
                    new BigInteger(1, url.decode(modulus)), new BigInteger(1, url.decode(exponent)));
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("a published key is not a valid RSA key", e);
        }
    }

    // HttpURLConnection: already loaded by the JDK and the AWS url-connection client, so no extra cold-start cost.
    private static JsonNode getJson(URI url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("Accept", "application/json");
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("GET " + url + " answered " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                JsonNode json = Serialization.jsonToTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (json == null || !json.isObject()) {
                    throw new IOException("GET " + url + " did not answer a JSON object");
                }
                return json;
            }
        } finally {
            connection.disconnect();
        }
    }
}
