package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.testing.EveryReply;
import ciment.slack.outbound.SlackMirrorSender;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.Shown;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The heaviest words (4,000 emoji, CJK, control characters, characters Slack makes entities of) and the
 * longest names and lists, in every Block Kit payload: within Slack's documented limits (50 blocks in a
 * message, 3,000 characters a section or context text, 40,000 a message's text), and the largest payload's
 * size as the SDK writes it, for the record.
 */
class SlackPayloadSizeTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    @Test
    void everyPayload_withTheHeaviestWords_staysWithinSlacksLimits() {
        int largest = 0;
        String largestWhat = "";
        String longestName = EveryReply.repeated("🧱", 256);
        for (String words : EveryReply.heaviest()) {
            EveryReply every = EveryReply.of(words, longestName, 50, 50);
            for (Map.Entry<String, ciment.core.reply.Reply> answer : every.replies().entrySet()) {
                BlockKitReply.Rendered rendered = BlockKitReply.render(answer.getValue(), "T0EVERY", Catalogue.ENGLISH);
                String what = answer.getKey() + " of " + Character.getName(words.codePointAt(0));
                assertTrue(rendered.blocks().size() <= BlockKitReply.MAX_BLOCKS, what + ": " + rendered.blocks().size());
                assertTrue(rendered.text().length() <= 40_000, what + ": text of " + rendered.text().length());
                for (String text : Shown.texts(rendered)) {
                    assertTrue(text.length() <= BlockKitReply.MAX_SECTION_TEXT, what + ": a text of " + text.length());
                }
                int bytes = (GSON.toJson(rendered.blocks()) + rendered.text()).getBytes(StandardCharsets.UTF_8).length;
                if (bytes > largest) {
                    largest = bytes;
                    largestWhat = what;
                }
            }
            for (var post : List.of(every.root(), every.reply())) {
                int bytes = (GSON.toJson(SlackMirrorSender.blocks(post)) + SlackMirrorSender.fallback(post))
                        .getBytes(StandardCharsets.UTF_8).length;
                if (bytes > largest) {
                    largest = bytes;
                    largestWhat = "mirrored copy of " + Character.getName(words.codePointAt(0));
                }
            }
        }
        System.out.println("Largest Slack payload with the heaviest words: " + largest + " bytes (" + largestWhat + ")");
    }
}
