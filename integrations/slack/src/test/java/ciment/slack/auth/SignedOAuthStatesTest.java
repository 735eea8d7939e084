package ciment.slack.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OAuth states that are signed, not stored: what /slack/install hands out, and what a forger cannot make. */
class SignedOAuthStatesTest {
    private static final Instant ISSUED = Instant.parse("2026-03-02T10:00:00Z");
    private final MutableClock clock = new MutableClock(ISSUED);
    private final SignedOAuthStates states = new SignedOAuthStates("client-secret", clock);

    @Test
    void issuedState_isValidForTenMinutes_andNotAfter() {
        String state = states.generateNewStateValue();

        assertTrue(states.isAvailableInDatabase(state));
        clock.set(ISSUED.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertTrue(states.isAvailableInDatabase(state));
        clock.set(ISSUED.plus(Duration.ofMinutes(10)));
        assertFalse(states.isAvailableInDatabase(state), "expired");
    }

    @Test
    void eachState_isNew_andTravelsInACookieAndAUrlAsItIs() {
        String state = states.generateNewStateValue();

        assertNotEquals(state, states.generateNewStateValue());
        // Bolt reads the cookie by splitting at '=' and ';': a state holds neither, nor anything a URL escapes.
        assertTrue(state.matches("[A-Za-z0-9_-]+"), state);
    }

    @Test
    void alteredState_isRefused_whicheverCharacterChanged() {
        String state = states.generateNewStateValue();

        for (int i = 0; i < state.length(); i++) {
            char changed = state.charAt(i) == 'A' ? 'B' : 'A';
            String altered = state.substring(0, i) + changed + state.substring(i + 1);
            assertFalse(states.isAvailableInDatabase(altered), "changed at " + i + ": " + altered);
        }
        assertFalse(states.isAvailableInDatabase(state.substring(0, state.length() - 1)), "cut short");
        assertFalse(states.isAvailableInDatabase(state + "A"), "lengthened");
    }

    @Test
    void stateMadeWithAnotherSecret_orMadeUp_isRefused() {
        assertFalse(states.isAvailableInDatabase(new SignedOAuthStates("another-secret", clock).generateNewStateValue()));
        for (String madeUp : new String[] {"", "forged-state", "00000000-0000-0000-0000-000000000000", null}) {
            assertFalse(states.isAvailableInDatabase(madeUp), String.valueOf(madeUp));
        }
    }

    @Test
    void stateDatedFarAhead_isRefused_evenWithTheRightKey() {
        String ahead = new SignedOAuthStates("client-secret", new MutableClock(ISSUED.plus(Duration.ofHours(1))))
                .generateNewStateValue();

        assertFalse(states.isAvailableInDatabase(ahead));
    }

    @Test
    void checkingAState_spendsNothing_soTheSameBrowserMayTryAgainWithAFreshCodeFromSlack() {
        String state = states.generateNewStateValue();

        assertTrue(states.isAvailableInDatabase(state));
        assertTrue(states.isAvailableInDatabase(state), "Slack's one-time code is what a replay lacks");
    }
}
