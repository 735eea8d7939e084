package ciment.teams.outbound;

import ciment.core.config.Settings;
import ciment.core.port.MessageCopies;
import ciment.core.port.Pacing;
import ciment.core.port.PersonalDataSource;
import ciment.core.port.Senders;
import ciment.teams.auth.ClientCredentials;
import java.time.Clock;
import java.time.Duration;

/** What the Teams delivery function sends with: proactive notices and mirrored cards, at Teams' pace. */
public final class TeamsSenders {
    /** At most 7 sends a second into one Teams conversation: one turn every 150 ms, notices and copies alike. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(150);

    private TeamsSenders() {
    }

    /**
     * @param personalData where export-my-data's file is sized from
     * @param copies       where notices about a post are recorded as its copies (reactions and replies on them count)
     * @param eachCall     counts each Bot Connector call (the function's metering)
     */
    public static Senders of(Settings settings, ClientCredentials credentials, PersonalDataSource personalData,
            MessageCopies copies, Runnable eachCall) {
        TeamsCalls calls = new TeamsCalls(eachCall);
        String connector = settings.get("TEAMS_SERVICE_URL", TeamsNoticeSender.PUBLIC_SERVICE_URL);
        return new Senders(new TeamsNoticeSender(credentials, connector, personalData, copies, Clock.systemUTC(), calls),
                new TeamsMirrorSender(credentials, connector, calls), Pacing.every(SEND_INTERVAL));
    }
}
