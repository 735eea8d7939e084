package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.TeamsActivities;
import ciment.functions.teams.TeamsStack.Person;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ciment installed in Teams, through TeamsFunction: the introduction is written to the outbox (the Teams delivery
 * function sends it) for the conversation it was added to, addressed as commands are sent there, once; the turn
 * itself answers nothing and looks nobody up.
 */
class TeamsInstallsTest {
    private static TeamsStack stack;
    private static TeamsFunction function;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        function = stack.function();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void send(TeamsActivities.Message activity) {
        assertEquals(200, stack.send(function, activity).status());
    }

    /** The texts of the outbox's notices to this conversation. */
    private static List<String> introductions(String conversationId) {
        return stack.dynamo.scan(b -> b.tableName(stack.table).filterExpression("begins_with(pk, :out) AND conversationId = :c")
                .expressionAttributeValues(Map.of(":out", AttributeValue.fromS("OUT#"), ":c",
                        AttributeValue.fromS(conversationId)))).items().stream().map(item -> item.get("text").s()).toList();
    }

    @Test
    void installedInAGroupChat_bothEvents_oneIntroduction_withTheBotsMention_nothingSentNorLookedUp() {
        Person installer = stack.person("Gus Group");
        TeamsActivities.Message installed = stack.message(installer, "").group().installed();
        int sent = stack.fake.sent().size();

        send(installed);
        send(stack.message(installer, "").group().conversation(installed.conversationId()).botAdded());
        send(stack.message(installer, "").group().conversation(installed.conversationId()).installed());

        List<String> written = introductions(installed.conversationId());
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).contains("• @Ciment communities: find a community"), written.get(0));
        assertEquals(sent, stack.fake.sent().size(), "the turn answers nothing: the delivery function sends it");
    }

    @Test
    void installedFromAChannelsReplyChain_introducesInTheChannel_once() {
        Person installer = stack.person("Cleo Channel");
        TeamsActivities.Message inThread = stack.message(installer, "").inReplyChainOf("19:chan42@thread.tacv2", "1700")
                .installed();
        send(inThread);
        send(stack.message(installer, "").conversation("19:chan42@thread.tacv2").botAdded());

        assertEquals(1, introductions("19:chan42@thread.tacv2").size());
        assertEquals(List.of(), introductions(inThread.conversationId()));
    }

    @Test
    void aBotNamedOtherwise_isMentionedByItsName() {
        Person installer = stack.person("Nia Named");
        TeamsActivities.Message installed = stack.message(installer, "").botName("Ciment Corp").installed();
        send(installed);

        assertTrue(introductions(installed.conversationId()).get(0).contains("@Ciment Corp join <slug>"));
    }
}
