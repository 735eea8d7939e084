package ciment.devkit.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SlackSignerTest {
    // Slack's published example: https://api.slack.com/authentication/verifying-requests-from-slack
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long TIMESTAMP = 1531420618L;
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    @Test
    void sign_slacksPublishedExample_givesSlacksSignature() {
        assertEquals("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                new SlackSigner(SECRET).sign(TIMESTAMP, BODY));
    }

    @Test
    void sign_otherTimestamp_givesOtherSignature() {
        assertNotEquals(new SlackSigner(SECRET).sign(TIMESTAMP, BODY), new SlackSigner(SECRET).sign(TIMESTAMP + 1, BODY));
    }
}
