package ciment.slack.render;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter FALLBACK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What Slack gets: the plain fallback and the blocks. */
    public record Rendered(String text, List<LayoutBlock> blocks) {
    }

    private BlockKitReply() {
    }

    /**
     * @param workspace the asker's Slack team_id: people with an account there are shown as mentions
     */
    public static Rendered render(Reply reply, String workspace) {
        return render(reply, Catalogue.ENGLISH, workspace);
    }

    /** The reply in the reader's words. */
    public static Rendered render(Reply reply, Catalogue words, String workspace) {
        Mentions mentions = new Mentions(workspace);
        List<LayoutBlock> blocks = switch (reply) {
            case Reply.Help help -> help(help);
            case Reply.Done done -> List.of(section(":white_check_mark: ", Mrkdwn.escape(done.summary())));
            case Reply.Refused refused -> List.of(refused(refused));
            case Reply.Posted posted -> posted(posted.post());
            case Reply.CommunityList list -> CommunityBlocks.list(list);
            case Reply.Feed feed -> feed(feed);
            case Reply.Info info -> CommunityBlocks.info(info, mentions);
            case Reply.Requests requests -> CommunityBlocks.requests(requests, mentions);
            case Reply.Members members -> MemberBlocks.members(members);
            case Reply.Me me -> PeopleBlocks.me(me, mentions);
            case Reply.Who who -> PeopleBlocks.who(who, mentions);
            case Reply.Thread thread -> thread(thread);
            case Reply.Audit audit -> audit(audit);
            case Reply.Posts posts -> posts(posts);
            case Reply.Costs costs -> CostBlocks.costs(costs, words);
        };
        return new Rendered(Mrkdwn.fit(Mrkdwn.escape(reply.summary(words)), MAX_SECTION_TEXT), blocks);
    }

    /** A refusal may echo the person the asker @mentioned: that mention stays a mention. */
    private static LayoutBlock refused(Reply.Refused refused) {
        String before = ":no_entry: *Not done:* ";
        String sentence = Mrkdwn.fit(Mrkdwn.escape(refused.summary()), MAX_SECTION_TEXT - before.length());
        return markdown(before + Mrkdwn.withMentions(sentence));
    }

    /** The commands, as many sections as their lines need (a section holds 3,000 characters). */
    private static List<LayoutBlock> help(Reply.Help help) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*Ciment commands*, typed after `" + COMMAND + "`:"));
        StringBuilder lines = new StringBuilder();
        for (Usage usage : help.commands()) {
            String line = "• `" + COMMAND + " " + Mrkdwn.escape(usage.form()) + "`: "
                    + Mrkdwn.escape(usage.meaning()) + "\n";
            if (lines.length() + line.length() > MAX_SECTION_TEXT) {
                blocks.add(markdown(lines.toString().stripTrailing()));
                lines.setLength(0);
            }
            lines.append(line);
        }
        blocks.add(markdown(lines.toString().stripTrailing()));
        return blocks;
    }

    private static List<LayoutBlock> posted(Post post) {
        String done = post.edited() ? "Edited `" : post.isReply() ? "Replied `" : post.isQuestion() ? "Asked `"
                : "Posted `";
        SectionBlock text = section("", Mrkdwn.quote(Mrkdwn.escape(post.text())));
        if (PostMenu.actionable(post)) {
            text.setAccessory(PostMenu.overflow(post));
        }
        return List.of(section(":white_check_mark: ", done + post.reference() + "` in *" + post.slug() + "*."), text);
    }

    /** A thread whole: the first post, then each reply; removed and hidden ones keep their place. */
    private static List<LayoutBlock> thread(Reply.Thread thread) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*Thread in " + thread.root().slug() + "*"));
        blocks.addAll(postBlocks(thread.root(), false));
        for (Post reply : thread.replies()) {
            blocks.addAll(postBlocks(reply, false));
        }
        if (thread.replies().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape("No reply yet: reply " + thread.root().reference() + " <text>.")));
        }
        return withinBlockLimit(blocks, "replies");
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    private static List<LayoutBlock> posts(Reply.Posts posts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(posts.title()) + "*"));
        if (posts.posts().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(posts.emptyHint())));
        }
        posts.posts().forEach(post -> blocks.addAll(postBlocks(post, false)));
        return withinBlockLimit(blocks, "posts");
    }

    private static List<LayoutBlock> audit(Reply.Audit audit) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*Audit trail of " + Mrkdwn.escape(audit.community()) + "*"));
        if (audit.entries().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(audit.summary())));
        }
        audit.entries().forEach(entry -> blocks.add(section(time(entry.at()) + " · ", Mrkdwn.escape(entry.sentence()))));
        return withinBlockLimit(blocks, "actions");
    }

    /**
     * A post's section, with a menu to reply, open its thread or react (unless it is removed or hidden),
     * then a context line with its replies and reaction counts when it has any. Its words are a block quote
     * under Ciment's line naming the author: no line typed (a bold name, a time, a reference) can pass for
     * that line, since every typed line stays inside the quote.
     */
    static List<LayoutBlock> postBlocks(Post post, boolean home) {
        String heading = "*" + Mrkdwn.escape(post.authorName()) + "*"
                + (home ? " in *" + post.slug() + "*" : "")
                + (post.edited() ? " (edited)" : "")
                + " · " + time(post.createdAt()) + " · `" + post.reference() + "`\n";
        SectionBlock text = section(heading, Mrkdwn.quote(Mrkdwn.escape(post.text())));
        if (PostMenu.actionable(post)) {
            // Inside the section: acting on a post costs no block of the 50.
            text.setAccessory(PostMenu.overflow(post));
        }
        List<LayoutBlock> blocks = new ArrayList<>(List.of(text));
        if (!post.activity().isEmpty()) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                    .text(Mrkdwn.fit(Mrkdwn.escape(post.activity()), MAX_SECTION_TEXT)).build())).build());
        }
        return blocks;
    }

    private static List<LayoutBlock> feed(Reply.Feed feed) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(feed.title()) + "*"));
        if (feed.posts().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(feed.emptyHint())));
        }
        for (Post post : feed.posts()) {
            blocks.addAll(postBlocks(post, feed.isHome()));
        }
        feed.nextCursor().ifPresent(cursor -> blocks.add(CommunityButtons.more(
                new CommunityButtons.Page(feed.community(), cursor))));
        return withinBlockLimit(blocks, "posts");
    }

    /** Slack shows the time in the reader's own time zone; the fallback is UTC. */
    static String time(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK_TIME.format(at) + ">";
    }

    /**
     * Items already escaped or marked up, joined while they fit in {@code max} characters; the rest are
     * counted ("…and 3 more") rather than cut in the middle, where a mention would break.
     */
    static String joinWithin(List<String> items, String separator, int max) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String next = (i == 0 ? "" : separator) + items.get(i);
            boolean last = i == items.size() - 1;
            if (joined.length() + next.length() > max - (last ? 0 : ROOM_FOR_MORE)) {
                return joined + (i == 0 ? "" : separator) + Mrkdwn.ELLIPSIS + "and " + (items.size() - i) + " more";
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

    static List<LayoutBlock> withinBlockLimit(List<LayoutBlock> blocks, String what) {
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        // The last place says what was left out, so one block fewer is shown.
        int shown = MAX_BLOCKS - 1;
        int hidden = blocks.size() - shown;
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, shown));
        kept.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text("…and " + hidden + " more " + what + " not shown.").build())).build());
        return kept;
    }
}
