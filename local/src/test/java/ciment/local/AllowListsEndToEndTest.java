package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Channel;
import ciment.core.model.Community;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.port.SlackInstallations.Installation;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.infra.aws.TokenSeal;
import ciment.infra.dynamo.DynamoRepositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, item 2, over HTTP through the local runner on moto: CIMENT_SLACK_ALLOWED_WORKSPACES and
 * CIMENT_TEAMS_ALLOWED_TENANTS hold on every request and every delivery. A workspace taken off the list while its
 * installation is still stored is refused at its next command, event and interaction, with nothing written; and no
 * copy of a post goes into a channel of a workspace or tenant off the lists, while the listed ones get theirs.
 */
// The refusals first: the table and Slack's calls are counted while no delivery is under way.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllowListsEndToEndTest {
    private static final String KEPT = "T0KEPT0001";
    private static final String REMOVED = "T0REMOVED1";
    private static final String KEPT_TENANT = "tenant-e2e";
    private static final String REMOVED_TENANT = "tenant-removed";
    private static final String SLUG = "allow-e2e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static DynamoRepositories dynamoRepositories;
    private static Repositories store;
    private static SlashCommands kept;
    private static SlashCommands removed;

    @BeforeAll
    static void start() {
        stack = new LocalStack(Map.of("SLACK_CLIENT_ID", "1234.5678", "SLACK_CLIENT_SECRET", "client-secret",
                "CIMENT_SLACK_ALLOWED_WORKSPACES", KEPT, "CIMENT_TEAMS_ALLOWED_TENANTS", KEPT_TENANT,
                "CIMENT_TRUSTED_DOMAINS", "example.com=" + KEPT));
        dynamoRepositories = DynamoRepositories.fromSettings(stack.runner.settings());
        store = dynamoRepositories.repositories();
        // Both installed (the removed one before it was taken off the list): its installation is still stored.
        for (String team : List.of(KEPT, REMOVED)) {
            String token = stack.slackApi.registerOAuthCode("code-" + team, team, "Team " + team);
            dynamoRepositories.slackInstallations(TokenSeal.sealing(stack.runner.settings())).save(new Installation(null, team,
                    "Team " + team, SlackInteractions.APP_ID, FakeSlackApi.BOT_USER_ID, FakeSlackApi.BOT_ID, token,
                    "chat:write,commands", Instant.now()));
            stack.slackApi.addUser(new FakeSlackApi.User(userOf(team), "Someone " + team, "someone",
                    team.toLowerCase() + "@example.com").fromTeam(team));
        }
        kept = new SlashCommands(LocalStack.SIGNING_SECRET, KEPT);
        removed = new SlashCommands(LocalStack.SIGNING_SECRET, REMOVED);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String userOf(String team) {
        return "U0" + team.substring(2);
    }

    private static HttpResponse<String> post(SlashCommands.Signed signed) {
        return stack.post("/slack/events", signed.headers(), signed.body());
    }

    private static HttpResponse<String> command(SlashCommands commands, String team, String text) {
        return post(commands.sign(commands.command(userOf(team), "someone", text), Instant.now()));
    }

    @Test
    @Order(1)
    void removedWorkspace_stillInstalled_isRefusedAtItsNextCommandEventAndInteraction_andNothingIsWritten()
            throws Exception {
        int items = stack.itemCount();
        int slackCalls = stack.slackApi.calls().size();
        SlackInteractions interactions = new SlackInteractions(LocalStack.SIGNING_SECRET, REMOVED);
        String sentence = "Ciment is not allowed in this Slack workspace (" + REMOVED + "): nothing was done; ask the"
                + " people who deployed Ciment to add it to its allowed workspaces.";

        HttpResponse<String> typed = command(removed, REMOVED, "create removed-guild Should never exist");
        assertEquals(200, typed.statusCode(), "Slack shows the body of a 200 only");
        JsonNode answer = JSON.readTree(typed.body());
        assertEquals("ephemeral", answer.path("response_type").asText(), typed.body());
        assertEquals(sentence, answer.path("text").asText());

        String user = userOf(REMOVED);
        for (SlashCommands.Signed event : List.of(interactions.homeOpened(user, Instant.now()),
                interactions.event(SlackInteractions.message(user, "C0GONE0001", "1700000000.000100", null,
                        "A message in a linked channel"), SlackInteractions.newEventId(), Instant.now()))) {
            HttpResponse<String> acked = post(event);
            assertEquals(200, acked.statusCode(), "an event is acknowledged, so that Slack does not retry it");
            assertEquals("", acked.body());
        }
        for (SlashCommands.Signed interaction : List.of(
                interactions.shortcut(user, "create_community", SlashCommands.newTriggerId(), Instant.now()),
                interactions.homeButton(user, "community_join", SLUG, Instant.now()))) {
            HttpResponse<String> refused = post(interaction);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals(sentence, refused.body());
        }

        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(slackCalls, stack.slackApi.calls().size(), "nothing asked of Slack (no users.info, no view)");
        assertEquals(200, command(kept, KEPT, "whoami").statusCode(), "the kept workspace is served");
        assertTrue(command(kept, KEPT, "whoami").body().contains("t0kept0001@example.com"));
    }

    @Test
    @Order(2)
    void posts_areMirroredIntoTheListedWorkspaceAndTenant_andNothingGoesIntoTheRemovedOnes() throws Exception {
        assertEquals(200, command(kept, KEPT, "create " + SLUG + " Allow lists hold").statusCode());
        Community community = store.communities().find(new Slug(SLUG)).orElseThrow();
        String teamsKept = teamsChannel();
        String teamsRemoved = teamsChannel();
        String serviceUrl = stack.botFramework.serviceUrl();
        for (Channel channel : List.of(new Channel(Platform.SLACK, KEPT, "C0KEPT0001", "kept", null),
                new Channel(Platform.SLACK, REMOVED, "C0GONE0001", "gone", null),
                new Channel(Platform.TEAMS, KEPT_TENANT, teamsKept, "Kept", serviceUrl),
                new Channel(Platform.TEAMS, REMOVED_TENANT, teamsRemoved, "Gone", serviceUrl))) {
            // Linked while they were served: the links stay when a workspace or tenant is taken off a list.
            assertTrue(store.links().link(new Link(community.id(), community.slug(), channel, "P0STEWARD", Instant.now())));
        }

        assertEquals(200, command(kept, KEPT, "post " + SLUG + " First, for everyone listed").statusCode());
        assertEquals(200, command(kept, KEPT, "post " + SLUG + " Second, the last one").statusCode());

        // The second post's copies are the last: once they are there, the stream's records before were handled.
        eventually(() -> copiesIn("C0KEPT0001", "Second"), "the second post's copy in the kept workspace");
        eventually(() -> stack.botFramework.sentTo(teamsKept).stream().filter(sent -> sent.json().contains("Second"))
                .toList(), "the second post's copy in the kept tenant");
        assertEquals(2, stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> "C0KEPT0001".equals(call.param("channel"))).count());
        assertEquals(List.of(), copiesIn("C0GONE0001", ""), "nothing into the removed workspace");
        assertEquals(List.of(), stack.botFramework.sentTo(teamsRemoved), "nothing into the removed tenant");
    }

    private static List<FakeSlackApi.Call> copiesIn(String channel, String text) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")) && call.body().contains(text)).toList();
    }

    private static String teamsChannel() {
        return "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    }
}
