package ciment.devkit.teams;

import static ciment.devkit.teams.FakeBotFramework.ISSUER;
import static ciment.devkit.teams.FakeBotFramework.TEAMS_ENDORSEMENTS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tokens Teams sends a bot, and what the bot checks them against: the OpenID metadata and the key set,
 * made of the test's own RSA keys. Tokens are signed with the current key; a rotation publishes a new one (the
 * old ones stay listed); a key never published and one endorsed only for other channels sign the false ones.
 */
final class ChannelTokens {
    private final String appId;
    private final String keysUrl;
    private final List<SigningKey> published = new CopyOnWriteArrayList<>();
    private final SigningKey unpublished = SigningKey.generate("unpublished-key", TEAMS_ENDORSEMENTS);
    /** A published key of other channels, as the Bot Connector publishes them: its tokens are genuine there. */
    private final SigningKey webchatOnly = SigningKey.generate("webchat-only-key", List.of("webchat", "directline"));
    private volatile SigningKey current = SigningKey.generate("key-0", TEAMS_ENDORSEMENTS);
    private final AtomicInteger rotations = new AtomicInteger();
    final AtomicInteger metadataRequests = new AtomicInteger();
    final AtomicInteger keyRequests = new AtomicInteger();

    ChannelTokens(String appId, String keysUrl) {
        this.appId = appId;
        this.keysUrl = keysUrl;
        published.add(current);
        published.add(webchatOnly);
    }

    /** The OpenID metadata document, counted. */
    Map<String, Object> metadata() {
        metadataRequests.incrementAndGet();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", ISSUER);
        metadata.put("authorization_endpoint", "https://invalid.botframework.com");
        metadata.put("jwks_uri", keysUrl);
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        return metadata;
    }

    /** The key set, counted. */
    Map<String, Object> keys() {
        keyRequests.incrementAndGet();
        List<Object> keys = new ArrayList<>();
        published.forEach(key -> keys.add(key.jwk()));
        return Map.of("keys", keys);
    }

    Map<String, Object> validClaims(String serviceUrl) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("serviceurl", serviceUrl);
        claims.put("nbf", now - 60);
        claims.put("exp", now + 3600);
        claims.put("iss", ISSUER);
        claims.put("aud", appId);
        return claims;
    }

    String mint(Map<String, Object> claims) {
        return current.sign(claims);
    }

    String expired(String serviceUrl) {
        Map<String, Object> claims = validClaims(serviceUrl);
        long now = Instant.now().getEpochSecond();
        claims.put("nbf", now - Duration.ofHours(2).toSeconds());
        claims.put("exp", now - Duration.ofMinutes(10).toSeconds());
        return mint(claims);
    }

    String notYetValid(String serviceUrl) {
        Map<String, Object> claims = validClaims(serviceUrl);
        claims.put("nbf", Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond());
        return mint(claims);
    }

    /** A valid token but for one claim. */
    String with(String serviceUrl, String claim, Object value) {
        Map<String, Object> claims = validClaims(serviceUrl);
        claims.put(claim, value);
        return mint(claims);
    }

    String signedByUnknownKey(String serviceUrl) {
        return unpublished.sign(validClaims(serviceUrl));
    }

    String signedByKeyNotEndorsedForTeams(String serviceUrl) {
        return webchatOnly.sign(validClaims(serviceUrl));
    }

    String withAlgorithm(String serviceUrl, String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.put("kid", current.kid());
        return current.sign(header, validClaims(serviceUrl));
    }

    String rotate() {
        SigningKey next = SigningKey.generate("key-" + rotations.incrementAndGet(), TEAMS_ENDORSEMENTS);
        published.add(next);
        current = next;
        return next.kid();
    }

    String currentKid() {
        return current.kid();
    }
}
