package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.Ciment;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.TeamsEndpoint;
import ciment.teams.outbound.TeamsCopies;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bot's endpoint over a Ciment, answering through the fake Bot Connector, as the conversation tests talk to
 * it: activities in (unauthenticated), what the bot sent back, or an invoke's HTTP answer, out.
 */
record FakeTeams(FakeBotFramework fake, TeamsEndpoint endpoint) {

    static FakeTeams start(Ciment ciment, MemoryCopies copies, Clock clock) {
        FakeBotFramework fake = FakeBotFramework.start();
        ClientCredentials credentials = new ClientCredentials(fake.appId(), fake.appPassword(),
                URI.create(fake.oauthTokenUrl()), clock);
        return new FakeTeams(fake, new TeamsEndpoint(new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(),
                null, null, null), new CimentBot(ciment, null, new TeamsCopies(copies), clock, Optional.empty()),
                InboundAuth.unauthenticated()));
    }

    /** A person of the tenant the Bot Connector knows: Teams id 29:&lt;id&gt;, AAD object id aad-&lt;id&gt;, &lt;id&gt;@example.org. */
    FakeBotFramework.Member member(String id, String name, String tenant) {
        return fake.addMember(FakeBotFramework.Member.of("29:" + id, "aad-" + id, name, id + "@example.org",
                id + "@example.org", tenant));
    }

    /** Delivers an activity, answered 200. */
    void deliver(TeamsActivities.Message message) {
        TeamsEndpoint.Answer answer = endpoint.handle(message.json(), null);
        assertEquals(200, answer.status(), answer.body());
    }

    /** Delivers a message and returns the last activity the bot sent. */
    FakeBotFramework.SentActivity send(TeamsActivities.Message message) {
        deliver(message);
        List<FakeBotFramework.SentActivity> sent = fake.sent();
        return sent.get(sent.size() - 1);
    }

    /** An invoke, answered in the HTTP response (nothing sent through the Bot Connector): its JSON. */
    JsonNode invoke(TeamsActivities.Message invoke) {
        int before = fake.sent().size();
        TeamsEndpoint.Answer answer = endpoint.handle(invoke.json(), null);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(before, fake.sent().size(), "an invoke is answered in its HTTP response");
        try {
            return Serialization.jsonToTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first card of what the bot sent. */
    static JsonNode card(FakeBotFramework.SentActivity sent) {
        return Serialization.objectToTree(sent.attachmentContents().get(0));
    }

    /** The card's first button with this verb. */
    static JsonNode button(JsonNode card, String verb) {
        return card.findParents("verb").stream().filter(a -> a.path("verb").asText().equals(verb)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + verb + " in " + card));
    }
}
