package ciment.local;

import static ciment.local.LocalStack.reference;
import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Questions, accepted answers, knowledge and mentions across Slack and Teams, over HTTP, on moto. */
class QuestionsEndToEndTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void questionAskedInSlack_answeredInTeams_acceptedInSlack_readsAnsweredOnBothTools() {
        SlackUser asker = stack.slackUser("U0ASKER01", "Asa Slack");
        TeamsUser expert = stack.teamsUser("Eli Teams");
        asker.ciment("create sql-help Help with SQL");
        expert.ciment("join sql-help");
        String question = reference(asker.ciment("ask sql-help How do we format SQL?"));

        TeamsAnswer open = expert.ciment("questions sql-help unanswered");
        assertTrue(open.cards().contains("How do we format SQL?") && open.cards().contains("not answered yet"),
                open.toString());
        String answer = reference(expert.ciment("reply " + question + " Use sqlfluff with our config"));
        assertTrue(answer.startsWith(question + "/"), answer);

        SlackAnswer accepted = asker.ciment("accept " + answer);

        assertTrue(accepted.says("Accepted " + answer), accepted.toString());
        TeamsAnswer none = expert.ciment("questions sql-help unanswered");
        assertTrue(none.says("Every question in sql-help has an accepted answer"), none.toString());
        SlackAnswer all = asker.ciment("questions sql-help");
        assertTrue(all.says("Question, answered"), all.toString());
        TeamsAnswer thread = expert.ciment("thread " + question);
        assertTrue(thread.cards().contains("Accepted answer") && thread.cards().contains("Use sqlfluff"),
                thread.toString());
    }

    @Test
    void acceptByAnotherMember_isRefusedInOneSentence_andWritesNothing() {
        SlackUser asker = stack.slackUser("U0ASKER02", "Bo Slack");
        TeamsUser other = stack.teamsUser("Cy Teams");
        asker.ciment("create q-guard Guarded questions");
        other.ciment("join q-guard");
        String question = reference(asker.ciment("ask q-guard Which linter?"));
        String answer = reference(other.ciment("reply " + question + " mine"));
        int before = stack.itemCount();

        TeamsAnswer refused = other.ciment("accept " + answer);

        assertTrue(refused.says("Only the person who asked"), refused.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void acceptOfAReplyNamedUnderAnotherQuestion_isRefusedInOneSentence_andWritesNothing() {
        SlackUser asker = stack.slackUser("U0ASKER03", "Di Slack");
        TeamsUser other = stack.teamsUser("Ed Teams");
        asker.ciment("create q-threads Two questions");
        other.ciment("join q-threads");
        String first = reference(asker.ciment("ask q-threads Which linter?"));
        String second = reference(asker.ciment("ask q-threads Which formatter?"));
        String answer = reference(other.ciment("reply " + first + " ruff"));
        int before = stack.itemCount();

        SlackAnswer refused = asker.ciment("accept " + second + answer.substring(answer.indexOf('/')));

        assertTrue(refused.says("No post " + second + "/"), refused.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void threadPinnedInTeams_isFoundAsKnowledgeInSlack_byItsWords() {
        TeamsUser steward = stack.teamsUser("Kai Teams");
        SlackUser reader = stack.slackUser("U0KNOW001", "Rae Slack");
        steward.ciment("create know-guild Kept knowledge");
        reader.ciment("join know-guild");
        String post = reference(reader.ciment("post know-guild Our review checklist: two reviewers, one from another team"));
        reader.ciment("post know-guild Lunch on Friday?");

        TeamsAnswer pinned = steward.ciment("pin " + post);

        assertTrue(pinned.says("Pinned " + post), pinned.toString());
        SlackAnswer found = reader.ciment("knowledge know-guild reviewers");
        assertTrue(found.says("two reviewers") && !found.says("Lunch"), found.toString());
        SlackAnswer nothing = reader.ciment("knowledge know-guild lunch");
        assertTrue(nothing.says("Nothing pinned in know-guild matches"), nothing.toString());
        SlackAnswer refused = reader.ciment("pin " + post);
        assertTrue(refused.says("Only stewards"), refused.toString());
    }

    @Test
    void mentionInSlack_tellsTheMentionedMemberOnce_inTheirDirectMessages() {
        SlackUser author = stack.slackUser("U0MENTIO1", "Mia Slack");
        SlackUser member = stack.slackUser("U0MENTIO2", "Noa Slack");
        author.ciment("create mention-guild Mentions");
        member.ciment("join mention-guild");

        String post = reference(author.ciment("post mention-guild @Noa Slack can you review this?"));
        author.ciment("edit " + post + " @Noa Slack can you review this today?");

        FakeSlackApi.Call told = eventually(() -> slackDirect(member.userId, "mentioned you in mention-guild"),
                "the mention in Noa's direct messages").get(0);
        assertTrue(told.param("text").contains(post), told.param("text"));
        pause(); // the stream reader polls every 200 ms: an edit's second notice would have arrived by now
        assertEquals(1, slackDirect(member.userId, "mentioned you in mention-guild").size(), "told once");
    }

    @Test
    void mentionInTeams_tellsTheMentionedMember_inTheirPersonalChat() {
        TeamsUser author = stack.teamsUser("Ola Teams");
        TeamsUser member = stack.teamsUser("Pia Teams");
        author.ciment("create teams-mention Mentions in Teams");
        member.ciment("join teams-mention");

        TeamsAnswer posted = author.cimentMentioning("post teams-mention Please have a look,", member);
        String post = reference(posted);

        String chat = eventually(() -> stack.botFramework.personalChatWith(FakeBotFramework.Member.of(member.fromId,
                member.aadObjectId, member.name, member.email, member.email, member.tenantId)).stream().toList(),
                "Pia's personal chat with the bot").get(0);
        FakeBotFramework.SentActivity told = eventually(() -> stack.botFramework.sentTo(chat).stream()
                .filter(sent -> sent.json().contains("mentioned you in teams-mention")).toList(),
                "the mention in the personal chat").get(0);
        assertTrue(told.json().contains(post), told.json());
    }

    private static List<FakeSlackApi.Call> slackDirect(String userId, String fragment) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> userId.equals(call.param("channel")) && String.valueOf(call.param("text")).contains(fragment))
                .toList();
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
