package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.testing.HostileInputs;
import ciment.devkit.teams.TeamsMarkup;
import ciment.teams.outbound.TeamsMirrorSender;
import ciment.teams.render.CardText;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Item 7 in Teams, over the shared list of hostile inputs (core's {@code ciment/hostile-inputs.txt}, which the
 * Slack tests read too): every entry, as a post's words, a reply's, a purpose, tags, a reason and as every
 * person's name, in every payload Ciment sends Teams, shows as typed. No markdown link (a label hiding its
 * address) where Teams reads markdown, no tag where it reads XML, no mention entity, no bold that is not
 * Ciment's, no control or reordering character, no date function; and an address typed is shown.
 */
class TeamsHostileTextTest {
    private static final String AUTHOR = "Ada Lovelace";
    /** The payloads that show a post's words (a list may cut them; these show a short post whole). */
    private static final Set<String> SHOWING_WORDS = Set.of("feed", "thread", "posted", "mirrored copy",
            "mirrored reply", "notice about a post", "communities", "info");

    private static JsonNode asSent(Object payload) {
        try {
            return TeamsMarkup.tree(new JacksonAdapter().serializer().writeValueAsString(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyHostileInput_asWords_inEveryPayload_showsAsTyped_withoutLinkMentionOrForgedFormatting() {
        for (String typed : HostileInputs.all()) {
            for (Map.Entry<String, Object> sent : EveryPayload.drawn(typed, AUTHOR, 3, 2).entrySet()) {
                JsonNode payload = asSent(sent.getValue());
                String what = sent.getKey() + " with “" + typed + "”";
                assertEquals(List.of(), TeamsMarkup.problems(payload), what);
                assertTrue(TeamsMarkup.boldRuns(payload).stream().noneMatch(bold -> bold.contains("Grace")),
                        what + ": only Ciment makes words bold (its author's name), never what was typed: "
                                + TeamsMarkup.boldRuns(payload));
                if (typed.contains("evil.example") && SHOWING_WORDS.contains(sent.getKey())) {
                    assertTrue(TeamsMarkup.shown(payload).contains("evil.example"), what + ": the address shows");
                }
            }
        }
    }

    @Test
    void everyHostileInput_asEveryName_inEveryPayload_isANameInBoldAndNothingMore() {
        for (String typed : HostileInputs.all()) {
            for (Map.Entry<String, Object> sent : EveryPayload.drawn("Plain words", typed, 3, 2).entrySet()) {
                JsonNode payload = asSent(sent.getValue());
                assertEquals(List.of(), TeamsMarkup.problems(payload), sent.getKey() + " by “" + typed + "”");
            }
        }
    }

    @Test
    void slackLinkWithALabel_inAMirroredCopy_showsItsLabelAndItsAddress_asTyped() {
        Post post = new Post("01JD0000000000000000000001", "c1", new Slug("data-guild"), "p-sky", "Sky Writer",
                Platform.SLACK, "[reset it here](https://evil.example)", Instant.parse("2026-11-27T10:00:00Z"));

        JsonNode copy = asSent(TeamsMirrorSender.card(post));

        assertTrue(TeamsMarkup.runs(copy).contains("[reset it here](https://evil.example)"), copy.toString());
        assertEquals(List.of(), TeamsMarkup.problems(copy), "no link where Teams reads markdown (fallbackText)");
        assertEquals(List.of("Sky Writer"), TeamsMarkup.boldRuns(copy), "the author, in bold, alone");
    }

    @Test
    void textInARun_dropsWhatDisguises_asInSlack_andATypedDateFunctionStaysWords() {
        assertEquals("elpmaxe.live//:sptth", CardText.shown("\u202Eelpmaxe.live//:sptth"));
        assertEquals("{\u2060{DATE(2017-02-14T06:00:00Z)}}", CardText.shown("{{DATE(2017-02-14T06:00:00Z)}}"));
    }
}
