package ciment.local;

import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Slash commands typed as people type them (@Carol, theo@example.com, https://..., #general, a < b & c), sent
 * over HTTP as the real Slack sends them for the manifest's should_escape (the fake reads the manifest): the
 * words name the right people, and a post keeps the text as typed.
 */
class SlackTypedTextEndToEndTest {
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
    void stewardAdd_typedWithAnAtName_makesThatPersonASteward() {
        SlackUser ada = stack.slackUser("U0TYPED01", "Adalind");
        SlackUser carol = stack.slackUser("U0TYPED02", "Carol");
        ada.ciment("create typed-guild Typed words");
        carol.ciment("join typed-guild");

        SlackAnswer added = ada.ciment("steward add typed-guild @Carol");

        assertTrue(added.says("is now a steward of typed-guild"), added.toString());
        SlackAnswer info = ada.ciment("info typed-guild");
        assertTrue(info.says("<@U0TYPED02>"), "Carol is listed among the stewards: " + info);
    }

    @Test
    void stewardAdd_typedWithAnEmailAddress_makesThatPersonASteward() {
        SlackUser ada = stack.slackUser("U0TYPED03", "Adaline");
        SlackUser theo = stack.slackUser("U0TYPED04", "Theodor");
        ada.ciment("create typed-mail Typed addresses");
        theo.ciment("join typed-mail");

        SlackAnswer added = ada.ciment("steward add typed-mail U0Typed04@Example.com");

        assertTrue(added.says("is now a steward of typed-mail"), added.toString());
        assertTrue(ada.ciment("info typed-mail").says("<@U0TYPED04>"));
    }

    @Test
    void stewardAdd_ofANameSlackDoesNotKnow_isRefusedInOneSentence_andWritesNothing() {
        SlackUser ada = stack.slackUser("U0TYPED05", "Adelaide");
        ada.ciment("create typed-nobody Nobody typed");
        int before = stack.itemCount();

        SlackAnswer refused = ada.ciment("steward add typed-nobody @Nobody");

        assertTrue(refused.says("“@Nobody” is not a person I can find"), refused.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void post_typedWithLinksChannelsAndControlCharacters_isKeptAsTyped() {
        SlackUser ada = stack.slackUser("U0TYPED06", "Adela");
        ada.ciment("create typed-text Typed text");
        String typed = "a < b & c > d: see https://x.example/?a=1&b=2 or www.example.org, write to "
                + "theo@example.com in #general @here";

        String post = reference(ada.ciment("post typed-text " + typed));

        assertEquals(1, postsWithText(typed), "the post's text is what Ada typed");
        SlackAnswer thread = ada.ciment("thread " + post);
        assertTrue(thread.says("a &lt; b &amp; c &gt; d: see https://x.example/?a=1&amp;b=2 or www.example.org, "
                + "write to theo@example.com in #general @here"), "shown as typed, escaped: " + thread);
    }

    private int postsWithText(String text) {
        return stack.dynamo.scan(scan -> scan.tableName(stack.runner.settings().table()).consistentRead(true)
                .filterExpression("#text = :text").expressionAttributeNames(Map.of("#text", "text"))
                .expressionAttributeValues(Map.of(":text", AttributeValue.fromS(text)))).count();
    }
}
