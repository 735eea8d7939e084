package ciment.functions.costs;

import ciment.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The local runner's guard of the finance routes (in AWS, IAM authorizes them before the function runs):
 * {@code Authorization: Bearer <CIMENT_FINANCE_TOKEN>}. The comparison takes the same time whatever the
 * token sent (digests of both, compared in constant time), so timing tells nothing of the right one.
 */
public final class FinanceToken {
    public static final String SETTING = "CIMENT_FINANCE_TOKEN";
    private static final String BEARER = "Bearer ";

    /** Why a request is refused: 401 (no or wrong token, with a challenge) or 403 (no token is set). */
    public record Refusal(int status, String sentence) {
    }

    private final Optional<byte[]> digest;

    private FinanceToken(Optional<String> token) {
        this.digest = token.map(FinanceToken::sha256);
    }

    public static FinanceToken fromSettings(Settings settings) {
        return new FinanceToken(settings.get(SETTING));
    }

    /** Empty when the request may pass; otherwise the refusal, in one sentence. */
    public Optional<Refusal> check(String authorization) {
        if (digest.isEmpty()) {
            return Optional.of(new Refusal(403, "The finance routes are closed on this runner: set "
                    + SETTING + " and send it as Authorization: Bearer <token>."));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(new Refusal(401, "The finance routes need Authorization: Bearer <token>, the runner's "
                    + SETTING + "."));
        }
        byte[] given = sha256(authorization.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(given, digest.get())) {
            return Optional.of(new Refusal(401, "That bearer token is not this runner's " + SETTING + "."));
        }
        return Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
