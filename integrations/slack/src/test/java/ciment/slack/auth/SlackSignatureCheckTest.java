package ciment.slack.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.SlackSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackSignatureCheckTest {
    // Slack's published example (https://api.slack.com/authentication/verifying-requests-from-slack).
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long TIMESTAMP = 1531420618L;
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureCheck checkAt(long epochSecond) {
        return new SlackSignatureCheck(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void slacksPublishedExample_atItsTime_isAccepted() {
        assertTrue(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY)));
    }

    @Test
    void request_exactlyFiveMinutesOld_isAccepted_butOneSecondMore_isRefused() {
        assertTrue(checkAt(TIMESTAMP + 300).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY)));
        assertFalse(checkAt(TIMESTAMP + 301).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY)));
    }

    @Test
    void request_datedFiveMinutesAhead_isAccepted_butOneSecondMore_isRefused() {
        assertTrue(checkAt(TIMESTAMP - 300).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY)));
        assertFalse(checkAt(TIMESTAMP - 301).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY)));
    }

    @Test
    void body_changedByOneCharacter_isRefused() {
        assertFalse(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), SIGNATURE, bytes(BODY.replace("roadrunner", "roadrunnes"))));
    }

    @Test
    void signature_underAnotherSecret_isRefused() {
        String forged = new SlackSigner("not-the-secret").sign(TIMESTAMP, BODY);
        assertFalse(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), forged, bytes(BODY)));
    }

    @Test
    void signature_ofAnotherTimestamp_isRefused() {
        // A replay with a fresh timestamp header but the old signature.
        assertFalse(checkAt(TIMESTAMP + 10).accepts(Long.toString(TIMESTAMP + 10), SIGNATURE, bytes(BODY)));
    }

    @Test
    void body_withNonAsciiText_isCheckedOnItsUtf8Bytes() {
        String body = "text=" + "café ✓ 𝄞";
        String signature = new SlackSigner(SECRET).sign(TIMESTAMP, body);
        assertTrue(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), signature, bytes(body)));
        assertFalse(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), signature, body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1531420618", " 1531420618", "1531420618 ", "1.531420618e9", "+1531420618",
            "99999999999999999999"})
    void timestamp_garbled_isRefused(String timestamp) {
        assertFalse(checkAt(TIMESTAMP).accepts(timestamp, SIGNATURE, bytes(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v0=", "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033",
            "v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"})
    void signature_garbled_isRefused(String signature) {
        assertFalse(checkAt(TIMESTAMP).accepts(Long.toString(TIMESTAMP), signature, bytes(BODY)));
    }

    @Test
    void headers_missing_areRefused() {
        SlackSignatureCheck check = checkAt(TIMESTAMP);
        assertFalse(check.accepts(null, SIGNATURE, bytes(BODY)));
        assertFalse(check.accepts(Long.toString(TIMESTAMP), null, bytes(BODY)));
        assertFalse(check.accepts(Long.toString(TIMESTAMP), SIGNATURE, null));
        assertFalse(check.accepts(Map.of(), bytes(BODY)));
        assertFalse(check.accepts((Map<String, String>) null, bytes(BODY)));
    }

    @Test
    void headers_inAnyCase_areFound() {
        assertTrue(checkAt(TIMESTAMP).accepts(Map.of("x-slack-request-timestamp", Long.toString(TIMESTAMP),
                "X-SLACK-SIGNATURE", SIGNATURE), bytes(BODY)));
    }

    @Test
    void blankSecret_isRejectedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new SlackSignatureCheck(" ", Clock.systemUTC()));
    }
}
