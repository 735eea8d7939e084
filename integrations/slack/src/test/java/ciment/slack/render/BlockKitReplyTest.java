package ciment.slack.render;

import static ciment.slack.render.Shown.all;
import static ciment.slack.render.Shown.text;
import static ciment.slack.render.Shown.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.command.Grammar;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import com.slack.api.model.block.LayoutBlock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitReplyTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final String TEAM = "T0HERE";

    private static BlockKitReply.Rendered render(Reply reply) {
        return BlockKitReply.render(reply, TEAM, Catalogue.ENGLISH);
    }

    private static Community community(String slug, int members) {
        return new Community("c-" + slug, new Slug(slug), new Slug(slug).displayName(), "All about " + slug, List.of(),
                true, false, members, 1, "p1", AT);
    }

    private static Post post(String id, String slug, String author, String text) {
        return new Post(id, "c-" + slug, new Slug(slug), "p-" + author, author, Platform.SLACK, text, AT);
    }

    @Test
    void help_listsEveryCommand_withPlaceholdersEscaped() {
        BlockKitReply.Rendered rendered = render(new Reply.Help(Grammar.AVAILABLE));

        String shown = all(rendered);
        for (Usage usage : Grammar.AVAILABLE) {
            assertTrue(shown.contains("/ciment " + Mrkdwn.escape(usage.form())), usage.form());
        }
        assertTrue(shown.contains("create &lt;slug&gt; &lt;purpose&gt;"), shown);
        assertFalse(shown.contains("<slug>"), "a raw <slug> would be read as a link: " + shown);
    }

    @Test
    void refused_isOneVisiblyMarkedSentence() {
        BlockKitReply.Rendered rendered = render(new Reply.Refused("Only members can post in data: join data first."));

        assertEquals(1, rendered.blocks().size());
        assertTrue(texts(rendered).getFirst().startsWith(":no_entry: *Not done:* Only members can post"), all(rendered));
        assertEquals("Only members can post in data: join data first.", rendered.text());
    }

    @Test
    void done_isOneSentence() {
        BlockKitReply.Rendered rendered = render(new Reply.Done("You joined data-guild."));

        assertEquals(List.of(":white_check_mark: You joined data-guild."), texts(rendered));
    }

    @Test
    void posted_namesThePostReferenceAndCommunity_andQuotesTheEscapedText() {
        Post post = post("01JABCDEFGH", "data-guild", "Ada", "<!channel> look & see");

        BlockKitReply.Rendered rendered = render(new Reply.Posted(post));

        assertTrue(texts(rendered).getFirst().contains("`#01JABCDEFGH` in *data-guild*"), all(rendered));
        assertEquals(">&lt;!channel&gt; look &amp; see", texts(rendered).get(1));
        assertEquals("Posted #01JABCDEFGH in data-guild.", rendered.text());
    }

    @Test
    void communityList_showsPurposeSizeFromFiveOnly_andMembership() {
        Reply.CommunityList list = new Reply.CommunityList("", List.of(
                new Reply.Listed(community("data-guild", 12), true),
                new Reply.Listed(community("rust-lovers", 4), false)));

        List<String> texts = texts(render(list));

        assertEquals(3, texts.size());
        assertTrue(texts.get(1).contains("*data-guild*") && texts.get(1).contains("All about data-guild")
                && texts.get(1).contains("12 members") && texts.get(1).contains("you are a member"), texts.get(1));
        assertTrue(texts.get(2).contains("fewer than 5 members") && texts.get(2).contains("join with `/ciment join rust-lovers`"),
                texts.get(2));
        assertFalse(texts.get(2).contains("4 member"), "a size below 5 could point at someone: " + texts.get(2));
    }

    @Test
    void communityList_ofSixtyCommunities_staysWithinFiftyBlocks_andSaysHowManyAreHidden() {
        List<Reply.Listed> many = IntStream.range(0, 60)
                .mapToObj(i -> new Reply.Listed(community("c-" + (100 + i), 1), false)).toList();

        BlockKitReply.Rendered rendered = render(new Reply.CommunityList("", many));

        assertEquals(50, rendered.blocks().size());
        // heading + 48 communities shown, 12 hidden
        assertTrue(text(rendered.blocks().getLast()).contains("12 more communities"), text(rendered.blocks().getLast()));
    }

    @Test
    void feed_showsAuthorTimeTextAndReference_perPost() {
        Reply.Feed feed = new Reply.Feed("data-guild", List.of(post("01JB", "data-guild", "Ada <3", "hello <@U1>")), "");

        List<String> texts = texts(render(feed));

        assertEquals("*Latest in data-guild*", texts.getFirst());
        String shown = texts.get(1);
        assertTrue(shown.startsWith("*Ada &lt;3* · <!date^" + AT.getEpochSecond() + "^"), shown);
        assertTrue(shown.contains("|2026-03-01 09:30 UTC>"), shown);
        assertTrue(shown.contains("`#01JB`"), shown);
        assertTrue(shown.endsWith("hello &lt;@U1&gt;"), shown);
    }

    @Test
    void homeFeed_namesEachPostsCommunity() {
        Reply.Feed feed = new Reply.Feed("", List.of(post("01JB", "rust-lovers", "Ada", "hi")), "");

        assertTrue(texts(render(feed)).get(1).contains("Ada* in *rust-lovers*"));
    }

    @Test
    void emptyFeed_showsItsHint() {
        Reply.Feed feed = new Reply.Feed("data-guild", List.of(), "Nothing posted in data-guild yet.");

        assertEquals(List.of("*Latest in data-guild*", "Nothing posted in data-guild yet."), texts(render(feed)));
    }

    @Test
    void longPost_ofEscapedCharacters_isCutToSlacksSectionLimit_withAnEllipsis() {
        Reply.Feed feed = new Reply.Feed("data-guild", List.of(post("01JB", "data-guild", "Ada", "<".repeat(4000))), "");

        for (LayoutBlock block : render(feed).blocks()) {
            assertTrue(text(block).length() <= 3000, "section of " + text(block).length());
        }
        String shown = texts(render(feed)).get(1);
        assertTrue(shown.endsWith("&lt;" + Mrkdwn.ELLIPSIS), shown.substring(shown.length() - 20));

        String quoted = texts(render(new Reply.Posted(post("01JB", "data-guild", "Ada", "&".repeat(4000))))).get(1);
        assertTrue(quoted.length() <= 3000 && quoted.endsWith(Mrkdwn.ELLIPSIS));
    }

    @Test
    void summaryFallback_isEscaped() {
        BlockKitReply.Rendered rendered = render(new Reply.CommunityList("<!here>", List.of()));

        assertFalse(rendered.text().contains("<!here>"), rendered.text());
        assertTrue(rendered.text().contains("&lt;!here&gt;"), rendered.text());
    }

    @Test
    void refusal_echoingAnAtMention_showsItAsAMention_butOtherTypedMarkupStaysEscaped() {
        String shown = all(render(new Reply.Refused("<@U0BOB|bob> has not used Ciment yet: they can start with help.")));
        assertTrue(shown.contains("*Not done:* <@U0BOB> has not used Ciment yet"), shown);

        String typed = all(render(new Reply.Refused("“<!channel> <https://x.example|x> <@U0BOB|a&b>” is not a person I can find.")));
        assertTrue(typed.contains("&lt;!channel&gt; &lt;https://x.example|x&gt; &lt;@U0BOB|a&amp;b&gt;"), typed);
    }
}
