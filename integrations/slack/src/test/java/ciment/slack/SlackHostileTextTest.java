package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.core.testing.EveryReply;
import ciment.core.testing.HostileInputs;
import ciment.devkit.slack.SlackMarkup;
import ciment.slack.outbound.SlackMirrorSender;
import ciment.slack.outbound.SlackNoticeSender;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.HomeView;
import ciment.slack.render.Mrkdwn;
import ciment.slack.render.Shown;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Item 7 in Slack, over the shared list of hostile inputs (core's {@code ciment/hostile-inputs.txt}, which the
 * Teams tests read too): every entry, as a post's words, a reply's, a purpose, tags, a reason, a search and as
 * every person's name, in every Block Kit payload Ciment sends Slack (answers of every kind, mirrored copies,
 * notices, the App Home), stays words: no {@code <…>} Slack would act on (a link hiding its address, a
 * mention, {@code <!channel>}) but Ciment's own, no line under Ciment's author line that could pass for it,
 * and an address typed is shown.
 */
class SlackHostileTextTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final String WORKSPACE = "T0EVERY";
    /** Ciment's own: its dates, its cost links, the fixture's person it mentions. */
    private static final Pattern OURS = Pattern.compile(
            "<!date\\^\\d+\\^[^|<>]*\\|[^<>]*>|<@U0EVERY>|<https://ciment\\.example/[^|<>]*\\|[^<>]*>");
    /** Characters that show nothing but can disguise what is shown (an address typed backwards). */
    private static final Pattern DISGUISING = Pattern.compile(
            "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]");
    /** ...and, in a refusal only, the user mention the asker typed. */
    private static final Pattern REFUSAL_OURS = Pattern.compile(OURS.pattern() + "|<@[UW][A-Z0-9]+>");
    /** Ciment's line naming a post's author, in a feed, a thread, a list or the Home. */
    private static final Pattern AUTHOR_LINE = Pattern.compile("^\\*[^*\\n]*\\*.* · <!date\\^.*· `#[0-9A-Z/]+`$");

    /** Every payload, by what it is: its mrkdwn strings as Slack reads them. */
    static Map<String, List<String>> drawn(String words, String name) {
        EveryReply every = EveryReply.of(words, name, 3, 2);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        every.replies().forEach((what, reply) -> {
            BlockKitReply.Rendered rendered = BlockKitReply.render(reply, WORKSPACE, Catalogue.ENGLISH);
            sent.put(what, withText(rendered.text(), rendered.blocks()));
        });
        sent.put("mirrored copy", withText(SlackMirrorSender.fallback(every.root()), SlackMirrorSender.blocks(every.root())));
        sent.put("mirrored reply", withText(SlackMirrorSender.fallback(every.reply()),
                SlackMirrorSender.blocks(every.reply())));
        Notice mention = Notice.aboutPost("01NOTICE", Recipient.direct(new ChatAccount(Platform.SLACK, WORKSPACE,
                "U0READER"), null), every.mention(name), EveryReply.AT, "#" + EveryReply.ROOT);
        String text = Mrkdwn.escape(mention.text());
        sent.put("notice about a post", withText(text, SlackNoticeSender.blocks(mention, text)));
        Home home = new Home(new ciment.core.model.Person("p-1", name), List.of(new Home.Mine(every.community(),
                Role.STEWARD, ((Reply.Requests) every.replies().get("requests")).requests(), Map.of())),
                List.of(every.community()), List.of(every.community()), List.of(words));
        sent.put("home", SlackMarkup.mrkdwn(SlackMarkup.tree(GSON.toJson(HomeView.of(home, every.replies().get("done"),
                WORKSPACE, (Reply.Feed) every.replies().get("home feed"), Catalogue.ENGLISH)))));
        return sent;
    }

    private static List<String> withText(String text, Object blocks) {
        List<String> mrkdwn = new ArrayList<>(SlackMarkup.mrkdwn(SlackMarkup.tree(GSON.toJson(blocks))));
        mrkdwn.add(text); // a message's text is mrkdwn too (notifications, clients without blocks)
        return mrkdwn;
    }

    @Test
    void everyHostileInput_asWords_inEveryPayload_staysWords_underAnAuthorLineItCannotForge() {
        for (String typed : HostileInputs.all()) {
            for (Map.Entry<String, List<String>> sent : drawn(typed, "Ada Lovelace").entrySet()) {
                String what = sent.getKey() + " with “" + typed + "”";
                // A refusal keeps a user mention as such (BlockKitReply.refused): it echoes the asker's own
                // @mention, in an answer only they see (ephemeral), so it pings nobody.
                Pattern ours = sent.getKey().equals("refused") ? REFUSAL_OURS : OURS;
                for (String mrkdwn : sent.getValue()) {
                    assertEquals(List.of(), SlackMarkup.tokens(mrkdwn, ours), what + ": " + mrkdwn);
                    assertNoForgedAuthorLine(mrkdwn, what);
                    assertFalse(DISGUISING.matcher(mrkdwn).find(), what + ": a control or reordering character");
                }
                if (typed.contains("evil.example") && List.of("feed", "thread", "mirrored copy", "notice about a post")
                        .contains(sent.getKey())) {
                    assertTrue(String.join("\n", sent.getValue()).contains("evil.example"), what + ": the address shows");
                }
            }
        }
    }

    @Test
    void everyHostileInput_asEveryName_inEveryPayload_staysAName() {
        for (String typed : HostileInputs.all()) {
            for (Map.Entry<String, List<String>> sent : drawn("Plain words", typed).entrySet()) {
                for (String mrkdwn : sent.getValue()) {
                    assertEquals(List.of(), SlackMarkup.tokens(mrkdwn, OURS), sent.getKey() + " by “" + typed + "”: "
                            + mrkdwn);
                }
            }
        }
    }

    @Test
    void postWhoseWordsImitateAnAuthorLine_keepsThemInsideItsQuote() {
        EveryReply every = EveryReply.of("Thanks!\n*Grace Hopper* · yesterday · `#01JD0000000000000000000009`\nForged",
                "Ada Lovelace", 0, 0);

        String section = Shown.texts(BlockKitReply.render(every.replies().get("feed"), WORKSPACE, Catalogue.ENGLISH)).get(1);

        String[] lines = section.split("\n");
        assertTrue(AUTHOR_LINE.matcher(lines[0]).matches(), lines[0]);
        assertTrue(lines[0].startsWith("*Ada Lovelace*"), "Ciment's line names the author");
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(">"), "a typed line stays in the quote: " + lines[i]);
        }
    }

    /** In a post's section, only its first line is Ciment's author line; every line typed is quoted. */
    private static void assertNoForgedAuthorLine(String mrkdwn, String what) {
        String[] lines = mrkdwn.split("\n");
        if (lines.length < 2 || !AUTHOR_LINE.matcher(lines[0]).matches()) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(">"), what + ": a typed line outside the quote: " + lines[i]);
        }
    }
}
