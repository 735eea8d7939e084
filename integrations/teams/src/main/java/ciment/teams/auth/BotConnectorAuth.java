package ciment.teams.auth;

import ciment.core.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Inbound token validation by the Bot Connector's rules: a Bearer JWT, RS256 only, issued by
 * https://api.botframework.com for this bot's app id, within its lifetime (5 minutes of clock skew),
 * signed by a key of the OpenID metadata whose endorsements contain the activity's channel, and whose
 * serviceurl claim is the activity's serviceUrl (so a token cannot make the bot reply elsewhere).
 */
public final class BotConnectorAuth implements InboundAuth {
    public static final String ISSUER = "https://api.botframework.com";
    static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String appId;
    private final OpenIdKeys keys;
    private final Clock clock;

    public BotConnectorAuth(String appId, OpenIdKeys keys, Clock clock) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("an app id is required to validate Bot Connector tokens");
        }
        this.appId = appId;
        this.keys = keys;
        this.clock = clock;
    }

    /** For MICROSOFT_APP_ID (required) and BOTFRAMEWORK_OPENID_METADATA_URL. */
    public static BotConnectorAuth fromSettings(Settings settings, Clock clock) {
        URI metadata = URI.create(settings.get("BOTFRAMEWORK_OPENID_METADATA_URL", DEFAULT_OPENID_METADATA_URL));
        return new BotConnectorAuth(settings.require("MICROSOFT_APP_ID"), new OpenIdKeys(metadata, clock), clock);
    }

    public OpenIdKeys keys() {
        return keys;
    }

    @Override
    public ClaimsIdentity authenticate(String authorizationHeader, Activity activity) throws Unauthorized {
        return authenticate(authorizationHeader, activity.getChannelId(), activity.getServiceUrl());
    }

    public ClaimsIdentity authenticate(String authorizationHeader, String channelId, String serviceUrl)
            throws Unauthorized {
        Jwt jwt = Jwt.parse(bearerToken(authorizationHeader));

        if (!"RS256".equals(jwt.headerText("alg"))) {
            throw new Unauthorized("the token is signed with " + jwt.headerText("alg") + ", only RS256 is accepted");
        }
        String kid = jwt.headerText("kid");
        if (kid == null) {
            throw new Unauthorized("the token's header names no kid");
        }
        OpenIdKeys.Key key = keys.find(kid)
                .orElseThrow(() -> new Unauthorized("the token is signed by key " + kid + ", which the OpenID metadata does not publish"));
        if (!verifies(key, jwt)) {
            throw new Unauthorized("the token's signature does not verify with key " + kid);
        }
        if (channelId == null || !key.endorsements().contains(channelId)) {
            throw new Unauthorized("key " + kid + " is not endorsed for channel " + channelId);
        }

        if (!ISSUER.equals(jwt.claimText("iss"))) {
            throw new Unauthorized("the token's issuer is " + jwt.claimText("iss") + ", not " + ISSUER);
        }
        if (!audienceIsThisBot(jwt.claims().get("aud"))) {
            throw new Unauthorized("the token is for audience " + jwt.claims().get("aud") + ", not this bot's app id");
        }
        checkLifetime(jwt);
        String claimedServiceUrl = jwt.claimText("serviceurl");
        if (claimedServiceUrl == null) {
            throw new Unauthorized("the token has no serviceurl claim");
        }
        // host names are case-insensitive, and the Bot Connector's own SDKs compare ignoring case
        if (serviceUrl == null || !claimedServiceUrl.equalsIgnoreCase(serviceUrl)) {
            throw new Unauthorized("the token's serviceurl " + claimedServiceUrl + " is not the activity's " + serviceUrl);
        }
        return new ClaimsIdentity(ISSUER, "Bearer", textClaims(jwt.claims()));
    }

    private static String bearerToken(String header) throws Unauthorized {
        if (header == null || header.isBlank()) {
            throw new Unauthorized("no Authorization header");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new Unauthorized("the Authorization header is not a Bearer token");
        }
        return parts[1];
    }

    private static boolean verifies(OpenIdKeys.Key key, Jwt jwt) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key.publicKey());
            signature.update(jwt.signingInput());
            return signature.verify(jwt.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean audienceIsThisBot(JsonNode audience) {
        if (audience == null) {
            return false;
        }
        if (audience.isArray()) {
            for (JsonNode one : audience) {
                if (appId.equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.isTextual() && appId.equals(audience.asText());
    }

    private void checkLifetime(Jwt jwt) throws Unauthorized {
        long now = clock.instant().getEpochSecond();
        Long expires = jwt.claimSeconds("exp");
        if (expires == null) {
            throw new Unauthorized("the token has no expiry");
        }
        if (now > expires + CLOCK_SKEW.toSeconds()) {
            throw new Unauthorized("the token expired at " + expires + " (now " + now + ")");
        }
        Long notBefore = jwt.claimSeconds("nbf");
        if (notBefore != null && now + CLOCK_SKEW.toSeconds() < notBefore) {
            throw new Unauthorized("the token is not valid before " + notBefore + " (now " + now + ")");
        }
    }

    private static Map<String, String> textClaims(JsonNode claims) {
        Map<String, String> map = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : claims.properties()) {
            map.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
        }
        return map;
    }
}
