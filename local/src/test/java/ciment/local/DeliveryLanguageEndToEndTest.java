package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 over HTTP, through the table's stream and the delivery functions: a notice reaches each person in their
 * language (Slack's users.info locale, Teams' activity locale), and a copy of a post carries Ciment's lines in the
 * language its channel's stewards set (channel-language), the author's words as written.
 */
class DeliveryLanguageEndToEndTest {
    private static final String SLUG = "langues-e2e";
    private static final String FRENCH_CHANNEL = "C0LANGFR01";
    private static final String ENGLISH_CHANNEL = "C0LANGEN01";
    private static final String TEAMS_CHANNEL = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    private static LocalStack stack;
    private static SlackUser steward;
    private static TeamsUser stewardInTeams;

    @BeforeAll
    static void start() {
        // The steward is one person in both tools, linked by the address both give.
        stack = new LocalStack(Map.of("CIMENT_TRUSTED_DOMAINS", "example.com=" + FakeSlackApi.TEAM_ID
                + ",example.com=tenant-e2e"));
        steward = stack.slackUser("U0LANSTEW", "Lou Steward");
        stewardInTeams = stack.teamsUser("Lou Steward", "u0lanstew@example.com", "user");
        assertTrue(steward.ciment("create " + SLUG + " Each in their language").says(SLUG));
        assertTrue(inSlackChannel(FRENCH_CHANNEL, "francais", "link " + SLUG).says("Linked"));
        assertTrue(inSlackChannel(ENGLISH_CHANNEL, "english", "link " + SLUG).says("Linked"));
        SlackAnswer set = inSlackChannel(FRENCH_CHANNEL, "francais", "channel-language fr");
        assertTrue(set.says("in French"), set.toString());
        LocalStack.TeamsAnswer linked = stewardInTeams.send(stewardInTeams.message("link " + SLUG)
                .conversation(TEAMS_CHANNEL).channelName("Langues"), stack.botFramework.token(stack.botFramework.serviceUrl()));
        assertTrue(linked.says("Linked Langues in Teams to " + SLUG), linked.toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static SlackAnswer inSlackChannel(String channel, String name, String text) {
        return steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name, text)
                .inChannel(channel, name), Instant.now()));
    }

    private static List<FakeSlackApi.Call> ephemeralTo(SlackUser user, String fragment) {
        return stack.slackApi.calls("chat.postEphemeral").stream()
                .filter(call -> user.userId.equals(call.param("user")) && call.param("text").contains(fragment)).toList();
    }

    private static List<FakeSlackApi.Call> calls(String method, String channel, String fragment) {
        return stack.slackApi.calls(method).stream().filter(call -> channel.equals(call.param("channel"))
                && String.valueOf(call.param("text")).contains(fragment)).toList();
    }

    @Test
    void slackJoinAnswers_reachAFrenchSpeakerInFrench_andAnEnglishSpeakerInEnglish() {
        SlackUser camille = stack.slackUser(new FakeSlackApi.User("U0LANCAM", "Camille", "Camille",
                "u0lancam@example.com").speaking("fr-FR"));
        SlackUser grace = stack.slackUser(new FakeSlackApi.User("U0LANGRA", "Grace", "Grace", "u0langra@example.com")
                .speaking("en-GB"));
        steward.ciment("create club-ferme Entry on request");
        steward.ciment("close club-ferme");
        camille.ciment("join club-ferme");
        grace.ciment("join club-ferme");

        steward.ciment("approve club-ferme <@" + camille.userId + "|Camille>");
        steward.ciment("decline club-ferme <@" + grace.userId + "|Grace>");

        FakeSlackApi.Call french = eventually(() -> ephemeralTo(camille, "club-ferme"), "Camille's answer").get(0);
        assertEquals("Votre demande pour rejoindre club-ferme a été approuvée par Lou Steward : bienvenue ! Publiez "
                + "avec publier club-ferme &lt;texte&gt;.", french.param("text"));
        FakeSlackApi.Call english = eventually(() -> ephemeralTo(grace, "club-ferme"), "Grace's answer").get(0);
        assertEquals("Your request to join club-ferme was declined by Lou Steward.", english.param("text"));
    }

    @Test
    void aTeamsJoinAnswer_reachesSomeoneWhoseTeamsIsInFrench_inFrench() {
        TeamsUser theo = stack.teamsUser("Théo");
        stewardInTeams.ciment("create club-teams Entry on request");
        stewardInTeams.ciment("close club-teams");
        theo.send(theo.message("join club-teams").locale("fr-FR"), stack.botFramework.token(stack.botFramework.serviceUrl()));

        stewardInTeams.cimentMentioning("decline club-teams", theo);

        FakeBotFramework.SentActivity told = eventually(() -> stack.botFramework.sentTo(theo.conversationId).stream()
                .filter(sent -> sent.text() != null && sent.text().contains("club-teams a été refusée")).toList(),
                "Théo's answer").get(0);
        assertEquals("Votre demande pour rejoindre club-teams a été refusée par Lou Steward.", told.text());
    }

    @Test
    void aCopyOfATeamsPost_saysCimentsLinesInEachSlackChannelsLanguage_theAuthorsWordsAsWritten() {
        deliver(stewardInTeams.message("Réunion vendredi à 10 h").conversation(TEAMS_CHANNEL).unmentioned());
        FakeSlackApi.Call inFrench = eventually(() -> calls("chat.postMessage", FRENCH_CHANNEL, "Réunion vendredi"),
                "the copy in the French channel").get(0);
        String reference = eventually(() -> calls("chat.postMessage", ENGLISH_CHANNEL, "Réunion vendredi"),
                "the copy in the English channel").get(0).param("blocks").replaceAll("(?s).*via Teams · (#[0-9A-Z]{26}).*", "$1");
        assertEquals("Réunion vendredi à 10 h", inFrench.param("text"));

        assertTrue(steward.ciment("hide " + reference + " hors sujet").says(reference));

        FakeSlackApi.Call hiddenInFrench = eventually(() -> calls("chat.update", FRENCH_CHANNEL, "hors sujet"),
                "the French copy hidden").get(0);
        FakeSlackApi.Call hiddenInEnglish = eventually(() -> calls("chat.update", ENGLISH_CHANNEL, "hors sujet"),
                "the English copy hidden").get(0);
        assertEquals("Masquée par un animateur : hors sujet", hiddenInFrench.param("text"));
        assertEquals("Hidden by a steward: hors sujet", hiddenInEnglish.param("text"));
    }

    private static void deliver(ciment.devkit.teams.TeamsActivities.Message activity) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                activity.json());
        assertEquals(200, response.statusCode(), response.body());
    }
}
