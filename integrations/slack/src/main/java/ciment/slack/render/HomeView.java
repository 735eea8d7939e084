package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.markdown;
import static ciment.slack.render.BlockKitReply.section;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Aggregate;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.reply.Home;
import ciment.core.reply.Insights;
import ciment.core.reply.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab: the answer to the last click (if any), a Create button, my communities (each with
 * Leave, and where I steward the requests waiting, each with Approve and Decline), my invitations and
 * suggestions (Join or Ask to join), and the slash commands. Within Slack's 100 blocks for a Home tab:
 * what does not fit is counted, never dropped silently. Text people typed is escaped.
 */
public final class HomeView {
    static final int MAX_BLOCKS = 100;
    static final String CALLBACK_ID = "ciment_home";
    /** The footer: a divider and the hint of commands. */
    private static final int FOOTER_BLOCKS = 2;
    /** The Home shows the first posts of the home feed; the rest are a command away. */
    private static final int HOME_POSTS = 5;

    private HomeView() {
    }

    /**
     * @param answer    what the last click did, shown on top (null: nothing)
     * @param workspace the reader's team_id: people with an account there are shown as mentions
     * @param feed      the newest page of the person's home feed, whose first posts the Home shows (null: none)
     * @param words     the reader's language
     */
    public static View of(Home home, Reply answer, String workspace, Reply.Feed feed, Catalogue words) {
        Mentions mentions = new Mentions(workspace);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.addAll(answerBlocks(answer, words));
        if (!home.person().guest()) {
            blocks.add(ActionsBlock.builder().blockId("home_create").elements(List.of(CommunityButtons.create(words)))
                    .build());
        }

        blocks.add(header(words.say("slack.home.communities")));
        if (home.communities().isEmpty()) {
            blocks.add(markdown(home.person().guest() ? words.say("slack.home.noCommunityGuest")
                    : words.say("slack.home.noCommunity", COMMAND)));
        }
        for (Home.Mine mine : home.communities()) {
            blocks.add(mine(mine, words));
            if (mine.steward()) {
                blocks.add(CommunityButtons.stewardRow(mine.community(), words));
            }
            if (!mine.requests().isEmpty()) {
                blocks.addAll(requests(mine, mentions, words));
            }
        }

        if (feed != null && !feed.posts().isEmpty()) {
            blocks.add(header(words.say("slack.home.latest")));
            feed.posts().stream().limit(HOME_POSTS)
                    .forEach(post -> blocks.addAll(BlockKitReply.postBlocks(post, true, words)));
            if (feed.posts().size() > HOME_POSTS || !feed.next().isEmpty()) {
                blocks.add(context(words.say("slack.home.moreFeed", COMMAND)));
            }
        }

        if (!home.invitations().isEmpty()) {
            blocks.add(header(words.say("slack.home.invited")));
            home.invitations().forEach(community -> blocks.add(listed(community, true, words)));
        }
        if (!home.person().guest()) {
            blocks.add(header(words.say("slack.suggested")));
            if (!home.suggestions().isEmpty()) {
                home.suggestions().forEach(community -> blocks.add(listed(community, false, words)));
            } else if (home.topics().isEmpty()) {
                blocks.add(context(words.say("slack.home.declare", COMMAND)));
            } else {
                blocks.add(context(words.say("slack.home.noSuggestion",
                        Mrkdwn.fit(Mrkdwn.escape(String.join(", ", home.topics())), 1500))));
            }
        }

        List<LayoutBlock> shown = withinLimit(blocks, MAX_BLOCKS - FOOTER_BLOCKS, words);
        shown.add(DividerBlock.builder().build());
        shown.add(context(words.say("slack.home.footer", COMMAND))); // < and > escaped in it: Slack's link marks
        return home(shown);
    }

    /** A Home that only says why it cannot show more (Slack did not answer, say). */
    public static View unavailable(String sentence) {
        return home(List.of(markdown(":warning: " + Mrkdwn.fit(Mrkdwn.escape(sentence), 2900))));
    }

    private static View home(List<LayoutBlock> blocks) {
        return View.builder().type("home").callbackId(CALLBACK_ID).blocks(blocks).build();
    }

    private static List<LayoutBlock> answerBlocks(Reply answer, Catalogue words) {
        if (answer == null) {
            return List.of();
        }
        // The same drawing as the command's answer: one clear sentence, a refusal marked as such; insights
        // (the Insights button beside a community) whole, above the Home.
        List<LayoutBlock> drawn = BlockKitReply.render(answer, null, words).blocks();
        return answer instanceof Insights || drawn.isEmpty() ? drawn : List.of(drawn.getFirst());
    }

    private static LayoutBlock mine(Home.Mine mine, Catalogue words) {
        Community community = mine.community();
        List<String> status = new ArrayList<>();
        status.add(mine.steward() ? ":seedling: " + words.say("slack.status.steward") : words.say("slack.status.member"));
        status.add(words.say(Aggregate.membersMessage(community.memberCount())));
        CommunityBlocks.openness(community, words).ifPresent(status::add);
        if (!mine.requests().isEmpty()) {
            status.add(words.say("slack.status.requests", mine.requests().size()));
        }
        String heading = "*" + community.slug() + "*  " + Mrkdwn.fit(Mrkdwn.escape(community.name()), 200) + "\n";
        SectionBlock section = section(heading, Mrkdwn.escape(community.purpose()), CommunityBlocks.status(status));
        section.setAccessory(CommunityButtons.leave(community, words));
        return section;
    }

    private static List<LayoutBlock> requests(Home.Mine mine, Mentions mentions, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (JoinRequest request : mine.requests()) {
            List<ChatAccount> accounts = mine.accounts().getOrDefault(request.personId(), List.of());
            String who = Mentions.name(request.personName()) + mentions.mention(accounts).map(m -> " (" + m + ")").orElse("");
            blocks.add(context(":hourglass_flowing_sand: " + words.say("slack.home.request", who, request.slug(),
                    BlockKitReply.time(request.at(), words))));
            List<BlockElement> buttons = new ArrayList<>();
            if (!mine.community().archived()) {
                buttons.add(CommunityButtons.approve(request, words));
            }
            buttons.add(CommunityButtons.decline(request, words));
            blocks.add(ActionsBlock.builder().elements(buttons).build());
        }
        return blocks;
    }

    private static LayoutBlock listed(Community community, boolean invited, Catalogue words) {
        String heading = "*" + community.slug() + "*  " + Mrkdwn.fit(Mrkdwn.escape(community.name()), 200) + "\n";
        List<String> status = new ArrayList<>();
        status.add(words.say(Aggregate.membersMessage(community.memberCount())));
        CommunityBlocks.openness(community, words).ifPresent(status::add);
        if (invited) {
            status.add(words.say("slack.status.invited"));
        }
        SectionBlock section = section(heading, CommunityBlocks.about(community, words), CommunityBlocks.status(status));
        CommunityButtons.join(community, invited, words).ifPresent(section::setAccessory);
        return section;
    }

    private static LayoutBlock header(String text) {
        return HeaderBlock.builder().text(CommunityButtons.plain(text)).build();
    }

    private static LayoutBlock context(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(Mrkdwn.fit(mrkdwn, 3000)).build())).build();
    }

    /** The blocks that fit, the last place saying how many more there are and where to see them. */
    private static List<LayoutBlock> withinLimit(List<LayoutBlock> blocks, int max, Catalogue words) {
        if (blocks.size() <= max) {
            return new ArrayList<>(blocks);
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(context(words.say("slack.home.hidden", COMMAND, blocks.size() - kept.size())));
        return kept;
    }
}
