package ciment.slack.outbound;

import ciment.core.config.Settings;
import ciment.core.port.Pacing;
import ciment.core.port.People;
import ciment.core.port.PersonalDataSource;
import ciment.core.port.Senders;
import ciment.core.port.SlackInstallations;
import java.time.Duration;

/** What the Slack delivery function sends with: notices and copies as their authors, at Slack's pace. */
public final class SlackSenders {
    /** Slack takes about one message a second per channel: notices and copies share the turns. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(1100);

    private SlackSenders() {
    }

    /**
     * @param people        whose pictures the copies show
     * @param personalData  what export-my-data's file is made of
     * @param installations each workspace's installed bot token (OAuth mode), else null: SLACK_BOT_TOKEN
     * @param eachCall      counts each Web API call (the function's metering)
     */
    public static Senders of(Settings settings, People people, PersonalDataSource personalData,
            SlackInstallations installations, Runnable eachCall) {
        SlackCalls calls = new SlackCalls(eachCall);
        return new Senders(new SlackNoticeSender(settings, personalData, installations, calls),
                new SlackMirrorSender(settings, people, installations, calls), Pacing.every(SEND_INTERVAL));
    }
}
