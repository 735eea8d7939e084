package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.testing.EveryReply;
import ciment.teams.outbound.TeamsMirrorSender;
import ciment.teams.render.PostButtons;
import ciment.teams.render.PostCards;
import ciment.teams.render.TeamsWire;
import ciment.teams.render.ThreadCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Teams' 28 KB, counted as the Bot Connector receives it: every payload Ciment sends, drawn with the heaviest
 * words (4,000 emoji, CJK, control characters, quotes...), the longest names and the longest lists, stays
 * within {@link TeamsWire#LIMIT} bytes as the SDK writes it, its card within {@link TeamsWire#CARD_BUDGET}.
 */
class TeamsPayloadLimitTest {
    private static final String LONGEST_NAME = EveryReply.repeated("🧱", 256);

    @Test
    void sizes_areCountedAsTheSdkSendsThem_anEmojiAsTwelveBytes() throws Exception {
        Activity activity = Activity.createMessageActivity();
        activity.setText("🧱".repeat(1000));

        byte[] wire = new JacksonAdapter().serializer().writeValueAsBytes(activity);

        assertEquals(wire.length, TeamsWire.bytes(activity));
        assertTrue(new String(wire, StandardCharsets.UTF_8).contains("\\uD83E\\uDDF1"), "each half escaped");
        int asText = Serialization.toString(activity).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(TeamsWire.bytes(activity) >= 12_000 && asText < 4_200, "12 bytes an emoji as sent, 4 as text: "
                + TeamsWire.bytes(activity) + " and " + asText);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("ciment.teams.EveryPayload#languages")
    void everyPayload_withTheHeaviestWords_longestNamesAndLongestLists_staysWithinTeamsLimit(String code, Catalogue said) {
        int largest = 0;
        String largestWhat = "";
        for (String words : EveryReply.heaviest()) {
            for (int replies : List.of(0, 50, 500)) {
                for (Map.Entry<String, Object> sent : EveryPayload.drawn(words, LONGEST_NAME, replies, 50, said)
                        .entrySet()) {
                    int bytes = TeamsWire.bytes(sent.getValue());
                    String what = sent.getKey() + " of " + Character.getName(words.codePointAt(0)) + " (" + replies
                            + " replies, " + said.language().code() + ")";
                    assertTrue(bytes <= TeamsWire.LIMIT, what + ": " + bytes + " bytes");
                    for (JsonNode card : cards(sent.getValue())) {
                        assertTrue(TeamsWire.bytes(card) <= TeamsWire.CARD_BUDGET + TeamsWire.SUMMARY_MAX * 12,
                                what + ": a card of " + TeamsWire.bytes(card) + " bytes");
                    }
                    if (bytes > largest) {
                        largest = bytes;
                        largestWhat = what;
                    }
                }
            }
        }
        System.out.println("Largest Teams payload with the heaviest words: " + largest + " bytes (" + largestWhat + ")");
    }

    @Test
    void postOf3990Emoji_isCutWithTheWayToTheRest_andTheThreadReadsOnToTheEnd() {
        String words = EveryReply.repeated("🧱", 3990);
        Post post = new Post("01JD0000000000000000000001", "c1", new Slug("data-guild"), "p-ada", "Ada", Platform.SLACK,
                words, Instant.parse("2026-11-27T10:00:00Z"));

        Activity copy = TeamsMirrorSender.card(post);

        assertTrue(TeamsWire.bytes(copy) <= TeamsWire.LIMIT, TeamsWire.bytes(copy) + " bytes");
        String card = Serialization.objectToTree(copy.getAttachments().get(0).getContent()).toString();
        assertTrue(card.contains(Catalogue.ENGLISH.say("teams.post.more")), "the words end saying the rest is in its thread");
        assertTrue(card.contains("\"verb\":\"thread\""), "with Open thread");

        StringBuilder read = new StringBuilder();
        JsonNode thread = Serialization.objectToTree(ThreadCards.thread(new ciment.core.reply.Reply.Thread(post,
                List.of()), Catalogue.ENGLISH).getContent());
        read.append(textOf(thread, 1).replace("…", ""));
        JsonNode readOn = thread.findParents("verb").stream().filter(a -> a.path("verb").asText()
                .equals(PostButtons.READ_ON)).findFirst().orElseThrow();
        int pages = 0;
        while (readOn != null && pages++ < 10) {
            JsonNode next = ThreadCards.readOn(post, readOn.path("data").path("from").asInt(), Catalogue.ENGLISH);
            assertTrue(TeamsWire.bytes(next) <= TeamsWire.CARD_BUDGET, TeamsWire.bytes(next) + " bytes");
            read.append(next.path("body").get(2).path("inlines").get(0).path("text").asText().replace("…", ""));
            readOn = next.findParents("verb").stream().filter(a -> a.path("verb").asText().equals(PostButtons.READ_ON))
                    .findFirst().orElse(null);
        }
        assertEquals(words, read.toString(), "Read on, page after page, shows every character once");
        assertTrue(pages >= 2 && pages < 10, pages + " pages");
    }

    /** The words of a post's container in a thread's body (index 1: after the heading). */
    private static String textOf(JsonNode card, int index) {
        return card.path("body").get(index).path("items").get(1).path("inlines").get(0).path("text").asText();
    }

    private static List<JsonNode> cards(Object sent) {
        JsonNode tree = Serialization.objectToTree(sent);
        return tree.findParents("type").stream().filter(n -> n.path("type").asText().equals("AdaptiveCard")
                && n.has("$schema")).toList();
    }

    @Test
    void anActivityStillTooLarge_isReplacedByASentence_neverSentAsIs() {
        Activity huge = Activity.createMessageActivity();
        huge.setText("🧱".repeat(3000));
        huge.setSummary("a summary");

        Activity sent = TeamsWire.within(huge);

        assertEquals("This answer is too large for Teams: ask for less (one community's feed, one thread).", sent.getText());
        assertTrue(TeamsWire.bytes(sent) < 1_000);
    }
}
