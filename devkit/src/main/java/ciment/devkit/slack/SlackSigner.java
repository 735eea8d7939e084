package ciment.devkit.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request body as Slack does (version v0): the hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}
 * under the app's signing secret, sent as {@code X-Slack-Signature: v0=<hex>}.
 * Written apart from the product's own check, so that a test signing with it checks that check.
 */
public final class SlackSigner {
    private final SecretKeySpec key;

    public SlackSigner(String signingSecret) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The value of X-Slack-Signature for this body sent at this time (seconds since the epoch). */
    public String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
