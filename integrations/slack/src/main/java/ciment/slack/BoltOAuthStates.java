package ciment.slack;

import ciment.core.port.SlackInstallations;
import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Bolt's OAuth state service over the table: /slack/install hands out a state (in the authorize URL and in a
 * cookie of the installer's browser), kept {@value OAuthStateService#DEFAULT_EXPIRATION_IN_SECONDS} seconds
 * (the item's TTL); the callback is served only with the same state in both, not used yet and not expired.
 * Lambda keeps nothing between requests, so the state cannot live in memory.
 */
final class BoltOAuthStates implements OAuthStateService {
    private final Supplier<SlackInstallations> installations;
    private final Clock clock;

    BoltOAuthStates(Supplier<SlackInstallations> installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        installations.get().addState(state, clock.instant().plusSeconds(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return installations.get().stateValid(state, clock.instant());
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        installations.get().deleteState(state);
    }
}
