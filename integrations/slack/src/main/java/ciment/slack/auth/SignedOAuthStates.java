package ciment.slack.auth;

import ciment.core.port.TaggedSeal;
import com.slack.api.bolt.service.OAuthStateService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bolt's OAuth states without storage. /slack/install hands out a state that says when it expires (10 minutes on)
 * with a random nonce, sealed by an HMAC under the app's client secret, and Bolt sets it in a cookie of the
 * installer's browser (Secure, HttpOnly); the callback is served only when the query's state and the cookie's are
 * the same, the seal holds and the state has not expired. Nothing is written for it, so an anonymous loop on
 * /slack/install costs invocations but never an item; the installation itself is written only once Slack has
 * exchanged a valid code. A state is not spent by its use: it binds the callback to the browser that started
 * the install (what a state is for), and each install also needs a fresh code from Slack, which Slack takes once,
 * so a replayed state installs nothing Slack did not just authorize.
 */
final class SignedOAuthStates implements OAuthStateService {
    /** Written into every state, so that nothing else sealed with the same key passes as one. */
    private static final String PURPOSE = "slack-oauth-state";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Containers' clocks may differ a little: a state is never dated further ahead than this allows. */
    private static final long SKEW_SECONDS = 60;

    private final TaggedSeal seal;
    private final Clock clock;

    SignedOAuthStates(String clientSecret, Clock clock) {
        this.seal = new HmacSha256(clientSecret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    @Override
    public String generateNewStateValue() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        long expires = clock.instant().getEpochSecond() + getExpirationInSeconds();
        return seal.seal(PURPOSE + "|" + expires + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
    }

    @Override
    public void addNewStateToDatastore(String state) {
        // Signed, not stored.
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        Optional<String> opened = state == null ? Optional.empty() : seal.open(state);
        String[] parts = opened.map(text -> text.split("\\|", -1)).orElse(new String[0]);
        if (parts.length != 3 || !PURPOSE.equals(parts[0]) || !parts[1].matches("[0-9]{1,12}")) {
            return false;
        }
        long expires = Long.parseLong(parts[1]);
        long now = clock.instant().getEpochSecond();
        return now < expires && expires <= now + getExpirationInSeconds() + SKEW_SECONDS;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        // Nothing stored; Bolt clears the browser's cookie.
    }

    /** The seal's tag: HMAC-SHA256 under the client secret. */
    private static final class HmacSha256 extends TaggedSeal {
        private final SecretKeySpec key;

        HmacSha256(byte[] key) {
            this.key = new SecretKeySpec(key, "HmacSHA256");
        }

        @Override
        protected byte[] tag(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(body);
            } catch (GeneralSecurityException unavailable) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
            }
        }
    }
}
