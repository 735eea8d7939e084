package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MutableClock;
import ciment.infra.testing.MotoTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Envelope encryption of bot tokens: bound to their item, intact or refused, and KMS asked once per data key and container. */
class TokenSealTest {
    private static final String TEAM = "SLACK#T#T0ONE";
    private static final String OTHER_TEAM = "SLACK#T#T0TWO";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T23:00:00Z"));
    private final FakeDataKeys keys = new FakeDataKeys();
    private final TokenSeal seal = new TokenSeal(keys, true, clock);

    @Test
    void sealedToken_opensForItsItem_andHoldsNothingOfTheTokenInTheClear() {
        TokenSeal.Sealed sealed = seal.seal("xoxb-secret-token", TEAM);

        assertEquals(Optional.of("xoxb-secret-token"), seal.open(sealed, TEAM));
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("xoxb"));
        assertEquals(12, sealed.nonce().length);
    }

    @Test
    void sealedToken_copiedOntoAnotherItem_doesNotOpenThere() {
        TokenSeal.Sealed sealed = seal.seal("xoxb-secret-token", TEAM);

        assertEquals(Optional.empty(), seal.open(sealed, OTHER_TEAM));
        assertEquals(Optional.empty(), new TokenSeal(keys, false, clock).open(sealed, OTHER_TEAM),
                "another container, with the data key to ask KMS for, refuses it too");
    }

    @Test
    void alteredCiphertext_nonce_orDataKey_doesNotOpen() {
        TokenSeal.Sealed sealed = seal.seal("xoxb-secret-token", TEAM);
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[0] ^= 1;
        byte[] nonce = sealed.nonce().clone();
        nonce[0] ^= 1;
        byte[] dataKey = sealed.encryptedKey().clone();
        dataKey[dataKey.length - 1] ^= 1;

        assertEquals(Optional.empty(), seal.open(new TokenSeal.Sealed(ciphertext, sealed.encryptedKey(), sealed.nonce()), TEAM));
        assertEquals(Optional.empty(), seal.open(new TokenSeal.Sealed(sealed.ciphertext(), sealed.encryptedKey(), nonce), TEAM));
        assertEquals(Optional.empty(), seal.open(new TokenSeal.Sealed(sealed.ciphertext(), dataKey, sealed.nonce()), TEAM));
        assertEquals(Optional.empty(), seal.open(new TokenSeal.Sealed(sealed.ciphertext(), sealed.encryptedKey(), new byte[0]), TEAM));
    }

    @Test
    void dataKey_sealsForItsLifetime_thenANewOneIsAskedFor_andEveryTokenHasItsOwnNonce() {
        TokenSeal.Sealed first = seal.seal("xoxb-one", TEAM);
        TokenSeal.Sealed second = seal.seal("xoxb-two", OTHER_TEAM);
        clock.advance(TokenSeal.KEY_LIFETIME);
        TokenSeal.Sealed third = seal.seal("xoxb-three", TEAM);

        assertEquals(2, keys.generated.get());
        assertArrayEquals(first.encryptedKey(), second.encryptedKey());
        assertFalse(java.util.Arrays.equals(first.nonce(), second.nonce()));
        assertFalse(java.util.Arrays.equals(first.encryptedKey(), third.encryptedKey()));
    }

    @Test
    void dataKeysOpened_areKeptByTheirEncryptedForm_forTheirLifetime() {
        TokenSeal.Sealed sealed = seal.seal("xoxb-one", TEAM);
        TokenSeal.Sealed alsoSealed = seal.seal("xoxb-two", OTHER_TEAM);
        TokenSeal opening = new TokenSeal(keys, false, clock);

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of("xoxb-one"), opening.open(sealed, TEAM));
            assertEquals(Optional.of("xoxb-two"), opening.open(alsoSealed, OTHER_TEAM));
        }
        assertEquals(1, keys.decrypted.get(), "one data key, asked for once");
        assertEquals(Optional.of("xoxb-one"), seal.open(sealed, TEAM));
        assertEquals(1, keys.decrypted.get(), "the container that sealed does not ask for its own data key");

        clock.advance(TokenSeal.KEY_LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(Optional.of("xoxb-one"), opening.open(sealed, TEAM));
        assertEquals(2, keys.decrypted.get(), "asked again once its time is up");
    }

    @Test
    void sealThatOnlyOpens_refusesToSeal() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new TokenSeal(keys, false, clock).seal("xoxb-one", TEAM));

        assertTrue(refused.getMessage().contains("only opens"), refused.getMessage());
        assertEquals(0, keys.generated.get());
    }

    @Test
    void withoutItsKeyArn_aSealIsNotMade_andTheSentenceSaysWhichSetting() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> TokenSeal.sealing(Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"))));

        assertTrue(missing.getMessage().startsWith(TokenSeal.KMS_KEY + " is not set"), missing.getMessage());
    }

    @Test
    void onKms_aDataKeyMadeForBotTokens_opens_andAnAlteredOneIsRefused() {
        Settings settings = MotoTables.withTokensKey();
        KmsDataKeys kms = KmsDataKeys.fromSettings(settings, settings.require(TokenSeal.KMS_KEY));

        DataKeys.DataKey made = kms.generate();
        byte[] altered = made.encrypted().clone();
        altered[altered.length / 2] ^= 1;

        assertEquals(32, made.plaintext().length);
        assertArrayEquals(made.plaintext(), kms.decrypt(made.encrypted()).orElseThrow());
        assertEquals(Optional.empty(), kms.decrypt(altered));
    }
}
