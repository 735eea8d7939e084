package ciment.devkit.teams;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RSA key of the test's own, named by a kid, endorsed for some channels, able to sign RS256 tokens. */
public final class SigningKey {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String kid;
    private final KeyPair pair;
    private final List<String> endorsements;

    private SigningKey(String kid, KeyPair pair, List<String> endorsements) {
        this.kid = kid;
        this.pair = pair;
        this.endorsements = List.copyOf(endorsements);
    }

    public static SigningKey generate(String kid, List<String> endorsements) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(kid, generator.generateKeyPair(), endorsements);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    public List<String> endorsements() {
        return endorsements;
    }

    /** The key as the Bot Connector's JWKS lists it. */
    Map<String, Object> jwk() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        jwk.put("n", URL.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", URL.encodeToString(unsigned(key.getPublicExponent())));
        jwk.put("endorsements", endorsements);
        return jwk;
    }

    /** A compact JWS: RS256 over the header naming this key's kid and the claims. */
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        return sign(header, claims);
    }

    /** Signs with any header, for tokens that must fail on their header (alg none, HS256 ...). */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        String signingInput = part(Json.write(header)) + "." + part(Json.write(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
