package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.Json;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.BotConnectorAuth;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.TeamsEndpoint;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsEndpointTest {
    private final FakeBotFramework fake = FakeBotFramework.start();
    private final BotFrameworkAdapter adapter = new BotFrameworkAdapter(
            new ClientCredentials(null, null, java.net.URI.create(fake.oauthTokenUrl()), Clock.systemUTC()),
            new AuthenticationConfiguration(), null, null, null);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void botFailure_answers500WithASentence_soTheBotConnectorRetries() {
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter,
                turn -> CompletableFuture.failedFuture(new IllegalStateException("table unreachable")),
                InboundAuth.unauthenticated());
        TeamsEndpoint.Answer answer = endpoint.handle(TeamsActivities.message(fake.serviceUrl(), "bot").text("help").json(), null);
        assertEquals(500, answer.status());
        assertTrue(answer.body().endsWith("."), answer.body());
        assertTrue(fake.sent().isEmpty());
    }

    @Test
    void invokeTheBotDoesNotHandle_answersTheHandlersInvokeStatus_andSendsNothing() {
        Clock clock = Clock.systemUTC();
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter, new CimentBot(new Ciment(InMemoryRepositories.create(), clock), clock),
                InboundAuth.unauthenticated());
        Map<String, Object> invoke = TeamsActivities.message(fake.serviceUrl(), "bot").toMap();
        invoke.put("type", "invoke");
        invoke.put("name", "task/fetch");
        invoke.put("value", Map.of("data", Map.of("anything", "else")));

        TeamsEndpoint.Answer answer = endpoint.handle(Json.write(invoke), null);

        assertEquals(501, answer.status());
        assertTrue(fake.sent().isEmpty());
    }

    @Test
    void conversationUpdates_botAddedOrWithoutEventType_areAcceptedWithoutAnswer() {
        Clock clock = Clock.systemUTC();
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter, new CimentBot(new Ciment(InMemoryRepositories.create(), clock), clock),
                InboundAuth.unauthenticated());
        Map<String, Object> update = TeamsActivities.message(fake.serviceUrl(), "bot").toMap();
        update.put("type", "conversationUpdate");
        update.remove("text");
        update.remove("entities");
        assertEquals(200, endpoint.handle(Json.write(update), null).status(), "no members, no eventType");

        update.put("membersAdded", java.util.List.of(Map.of("id", "bot")));
        assertEquals(200, endpoint.handle(Json.write(update), null).status(), "bot added to a team");
        assertTrue(fake.sent().isEmpty());
    }

    /** How many turns the bot was given. */
    private final java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();

    private com.microsoft.bot.builder.Bot countingTurns() {
        return turn -> {
            turns.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        };
    }

    @Test
    void activityOfAnotherChannel_withAGenuineTokenOfThatChannel_gets403AndASentence_andTheBotIsNotRun() {
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter, countingTurns(),
                BotConnectorAuth.fromSettings(ciment.core.config.Settings.of(fake.settings()), Clock.systemUTC()));
        String token = FakeBotFramework.bearer(fake.tokenSignedByKeyNotEndorsedForTeams(fake.serviceUrl()));

        for (String channel : new String[] {"webchat", "directline"}) {
            String activity = TeamsActivities.message(fake.serviceUrl(), "bot").channelId(channel).text("whoami").json();
            TeamsEndpoint.Answer answer = endpoint.handle(activity, token);
            assertEquals(403, answer.status(), channel);
            assertEquals(TeamsEndpoint.NOT_TEAMS, answer.body());
        }
        assertEquals(0, turns.get());
        assertTrue(fake.sent().isEmpty());
    }

    @Test
    void emulatorActivity_inTheUnauthenticatedLocalMode_isServed() {
        TeamsEndpoint endpoint = new TeamsEndpoint(adapter, countingTurns(), InboundAuth.unauthenticated());

        TeamsEndpoint.Answer answer = endpoint.handle(TeamsActivities.message(fake.serviceUrl(), "bot")
                .channelId("emulator").text("help").json(), null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, turns.get());
    }
}
