package ciment.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A compact JWS split into its parts; nothing in it is trusted until the signature is checked. */
record Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

    static Jwt parse(String token) throws Unauthorized {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new Unauthorized("the bearer token is not a signed JWT (header.claims.signature)");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            JsonNode header = Serialization.jsonToTree(new String(url.decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = Serialization.jsonToTree(new String(url.decode(parts[1]), StandardCharsets.UTF_8));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new Unauthorized("the bearer token's header or claims are not JSON objects");
            }
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new Jwt(header, claims, signingInput, url.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw new Unauthorized("the bearer token is not valid base64url JSON", e);
        }
    }

    String headerText(String name) {
        JsonNode value = header.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    String claimText(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A NumericDate claim in seconds, or null when absent or not a number. */
    Long claimSeconds(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isNumber() ? value.asLong() : null;
    }
}
