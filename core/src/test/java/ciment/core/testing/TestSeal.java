package ciment.core.testing;

import ciment.core.port.TaggedSeal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The seal of the in-memory store: infra's spelling, tagged by HMAC with a fixed test key. */
public final class TestSeal extends TaggedSeal {
    private static final byte[] KEY = "ciment core tests' cursor key".getBytes(StandardCharsets.UTF_8);

    @Override
    protected byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
