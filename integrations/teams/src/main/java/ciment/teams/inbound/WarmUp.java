package ciment.teams.inbound;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.reply.Reply;
import ciment.teams.render.TeamsReplies;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.List;

/**
 * Loads, during a cold start and off the request path, what the first activity will need: Jackson and
 * the activity schema, the Bot Connector client (retrofit, okhttp), and the card rendering. Nothing is
 * sent anywhere; run it on a background thread while the other clients start.
 */
public final class WarmUp {
    private static final String SAMPLE = """
            {"type":"message","id":"warm-up","timestamp":"2025-01-01T00:00:00.0000000Z","channelId":"msteams",
             "serviceUrl":"https://smba.trafficmanager.net/teams/","text":"<at>Ciment</at> help",
             "from":{"id":"29:x","name":"x","aadObjectId":"x"},"recipient":{"id":"28:x","name":"Ciment"},
             "conversation":{"id":"19:x@thread.tacv2","tenantId":"t","conversationType":"channel"},
             "entities":[{"type":"mention","text":"<at>Ciment</at>","mentioned":{"id":"28:x","name":"Ciment"}}],
             "channelData":{"tenant":{"id":"t"}}}""";

    private WarmUp() {
    }

    public static void run(AppCredentials credentials) {
        Activity activity = ActivityJson.parse(SAMPLE);
        if (activity == null) {
            return;
        }
        MentionText.commandOf(activity);
        TeamsCallers.tenantOf(activity);
        Activity card = TeamsReplies.render(new Reply.Feed("", List.of(), Message.of("reply.feed.latestHome")), "t",
                Catalogue.ENGLISH);
        Serialization.toStringSilent(card);
        new RestConnectorClient(activity.getServiceUrl(), credentials);
    }
}
