package ciment.slack.render;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import ciment.core.reply.Insights;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Reply} in Block Kit, within Slack's limits (section text up to 3,000 characters, at
 * most 50 blocks): what does not fit is cut with an ellipsis, never refused. Every piece of text that
 * people typed is escaped. The plain {@code text} is the reply's summary, for notifications.
 */
public final class BlockKitReply {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final String COMMAND = "/ciment";
    /** What joinWithin keeps free for its "…and N more". */
    private static final int ROOM_FOR_MORE = 24;


    /** What Slack gets: the plain fallback and the blocks. */
    public record Rendered(String text, List<LayoutBlock> blocks) {
    }

    private BlockKitReply() {
    }

    /**
     * @param workspace the asker's Slack team_id: people with an account there are shown as mentions
     * @param words     the asker's language
     */
    public static Rendered render(Reply reply, String workspace, Catalogue words) {
        Mentions mentions = new Mentions(workspace);
        List<LayoutBlock> blocks = switch (reply) {
            case Reply.Help help -> help(help, words);
            case Reply.Done done -> List.of(section(":white_check_mark: ", Mrkdwn.escape(done.summary(words))));
            case Reply.Refused refused -> List.of(refused(refused, words));
            case Reply.Posted posted -> posted(posted.post(), words);
            case Reply.CommunityList list -> CommunityBlocks.list(list, words);
            case Reply.Feed feed -> feed(feed, words);
            case Reply.Info info -> CommunityBlocks.info(info, mentions, words);
            case Reply.Requests requests -> CommunityBlocks.requests(requests, mentions, words);
            case Reply.Members members -> MemberBlocks.members(members, words);
            case Reply.Me me -> PeopleBlocks.me(me, mentions, words);
            case Reply.Who who -> PeopleBlocks.who(who, mentions, words);
            case Reply.Thread thread -> thread(thread, words);
            case Reply.Audit audit -> audit(audit, words);
            case Reply.Posts posts -> posts(posts, words);
            case Reply.Costs costs -> CostBlocks.costs(costs, words);
            case Insights insights -> InsightBlocks.insights(insights, words);
        };
        return new Rendered(Mrkdwn.fit(Mrkdwn.escape(reply.summary(words)), MAX_SECTION_TEXT), blocks);
    }

    /** A refusal may echo the person the asker @mentioned: that mention stays a mention. */
    private static LayoutBlock refused(Reply.Refused refused, Catalogue words) {
        String before = ":no_entry: *" + words.say("slack.notDone") + "* ";
        String sentence = Mrkdwn.fit(Mrkdwn.escape(refused.summary(words)), MAX_SECTION_TEXT - before.length());
        return markdown(before + Mrkdwn.withMentions(sentence));
    }

    /** The commands, as many sections as their lines need (a section holds 3,000 characters). */
    private static List<LayoutBlock> help(Reply.Help help, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", words.say("slack.help.heading", COMMAND)));
        StringBuilder lines = new StringBuilder();
        for (Usage usage : help.commands()) {
            String line = words.say("slack.help.line", COMMAND, Mrkdwn.escape(usage.form(words)),
                    Mrkdwn.escape(usage.meaning(words))) + "\n";
            if (lines.length() + line.length() > MAX_SECTION_TEXT) {
                blocks.add(markdown(lines.toString().stripTrailing()));
                lines.setLength(0);
            }
            lines.append(line);
        }
        blocks.add(markdown(lines.toString().stripTrailing()));
        return blocks;
    }

    private static List<LayoutBlock> posted(Post post, Catalogue words) {
        String done = post.edited() ? "slack.posted.edited" : post.isReply() ? "slack.posted.replied"
                : post.isQuestion() ? "slack.posted.asked" : "slack.posted";
        SectionBlock text = section("", Mrkdwn.quote(Mrkdwn.escape(post.shownText(words))));
        if (PostMenu.actionable(post)) {
            text.setAccessory(PostMenu.overflow(post, words));
        }
        return List.of(section(":white_check_mark: ", words.say(done, post.reference(), post.slug())), text);
    }

    /** A thread whole: the first post, then each reply; removed and hidden ones keep their place. */
    private static List<LayoutBlock> thread(Reply.Thread thread, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", words.say("slack.thread.heading", thread.root().slug())));
        blocks.addAll(postBlocks(thread.root(), false, words));
        for (Post reply : thread.replies()) {
            blocks.addAll(postBlocks(reply, false, words));
        }
        if (thread.replies().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(words.say("slack.thread.noReply", thread.root().reference()))));
        }
        return withinBlockLimit(blocks, "slack.hidden.replies", words);
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    private static List<LayoutBlock> posts(Reply.Posts posts, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(posts.title(words)) + "*"));
        if (posts.posts().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(posts.emptyHint(words))));
        }
        posts.posts().forEach(post -> blocks.addAll(postBlocks(post, false, words)));
        return withinBlockLimit(blocks, "slack.hidden.posts", words);
    }

    private static List<LayoutBlock> audit(Reply.Audit audit, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", words.say("slack.audit.heading", Mrkdwn.escape(audit.community()))));
        if (audit.entries().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(audit.summary(words))));
        }
        audit.entries().forEach(entry -> blocks.add(section(time(entry.at(), words) + " · ",
                Mrkdwn.escape(words.say(entry.sentenceMessage())))));
        return withinBlockLimit(blocks, "slack.hidden.actions", words);
    }

    /**
     * A post's section, with a menu to reply, open its thread or react (unless it is removed or hidden),
     * then a context line with its replies and reaction counts when it has any. Its words are a block quote
     * under Ciment's line naming the author: no line typed (a bold name, a time, a reference) can pass for
     * that line, since every typed line stays inside the quote.
     */
    static List<LayoutBlock> postBlocks(Post post, boolean home, Catalogue words) {
        String heading = "*" + Mrkdwn.escape(post.authorName()) + "*"
                + (home ? " " + words.say("slack.post.in", post.slug()) : "")
                + (post.edited() ? " " + words.say("slack.post.edited") : "")
                + " · " + time(post.createdAt(), words) + " · `" + post.reference() + "`\n";
        SectionBlock text = section(heading, Mrkdwn.quote(Mrkdwn.escape(post.shownText(words))));
        if (PostMenu.actionable(post)) {
            // Inside the section: acting on a post costs no block of the 50.
            text.setAccessory(PostMenu.overflow(post, words));
        }
        List<LayoutBlock> blocks = new ArrayList<>(List.of(text));
        String activity = post.activity(words);
        if (!activity.isEmpty()) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                    .text(Mrkdwn.fit(Mrkdwn.escape(activity), MAX_SECTION_TEXT)).build())).build());
        }
        return blocks;
    }

    private static List<LayoutBlock> feed(Reply.Feed feed, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(feed.title(words)) + "*"));
        if (feed.posts().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(feed.emptyHint(words))));
        }
        for (Post post : feed.posts()) {
            blocks.addAll(postBlocks(post, feed.isHome(), words));
        }
        feed.nextCursor().ifPresent(cursor -> blocks.add(CommunityButtons.more(
                new CommunityButtons.Page(feed.community(), cursor), words)));
        return withinBlockLimit(blocks, "slack.hidden.posts", words);
    }

    /**
     * Slack shows the time in the reader's own time zone and language; the fallback (for clients that cannot)
     * is UTC, written as the reader's language writes dates.
     */
    static String time(Instant at, Catalogue words) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + words.say("slack.time.fallback",
                utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute()) + ">";
    }

    /**
     * Items already escaped or marked up, joined while they fit in {@code max} characters; the rest are
     * counted ("…and 3 more") rather than cut in the middle, where a mention would break.
     */
    static String joinWithin(List<String> items, String separator, int max, Catalogue words) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String next = (i == 0 ? "" : separator) + items.get(i);
            boolean last = i == items.size() - 1;
            if (joined.length() + next.length() > max - (last ? 0 : ROOM_FOR_MORE)) {
                return joined + (i == 0 ? "" : separator) + Mrkdwn.ELLIPSIS + words.say("slack.andMore", items.size() - i);
            }
            joined.append(next);
        }
        return joined.toString();
    }

    /** A mrkdwn section of text that this class composed within the limit. */
    static SectionBlock markdown(String text) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(text).build()).build();
    }

    /** A mrkdwn section: our own markup around one piece of escaped text, which is cut to fit if needed. */
    public static SectionBlock section(String before, String escapedText) {
        return section(before, escapedText, "");
    }

    public static SectionBlock section(String before, String escapedText, String after) {
        int room = MAX_SECTION_TEXT - before.length() - after.length();
        return markdown(before + Mrkdwn.fit(escapedText, Math.max(room, 1)) + after);
    }

    /** @param hiddenKey the sentence that counts what was left out ("…and 3 more posts not shown.") */
    static List<LayoutBlock> withinBlockLimit(List<LayoutBlock> blocks, String hiddenKey, Catalogue words) {
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        // The last place says what was left out, so one block fewer is shown.
        int shown = MAX_BLOCKS - 1;
        int hidden = blocks.size() - shown;
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, shown));
        kept.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(words.say(hiddenKey, hidden)).build())).build());
        return kept;
    }
}
