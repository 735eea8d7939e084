package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.markdown;
import static ciment.slack.render.BlockKitReply.section;

import ciment.core.model.Aggregate;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.reply.Home;
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
import java.util.Optional;

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
     */
    public static View of(Home home, Reply answer, String workspace) {
        return of(home, answer, workspace, null);
    }

    /** @param feed the newest page of the person's home feed, whose first posts the Home shows (null: none) */
    public static View of(Home home, Reply answer, String workspace, Reply.Feed feed) {
        Mentions mentions = new Mentions(workspace);
        List<LayoutBlock> blocks = new ArrayList<>();
        answerBlock(answer).ifPresent(blocks::add);
        if (!home.person().guest()) {
            blocks.add(ActionsBlock.builder().blockId("home_create").elements(List.of(CommunityButtons.create())).build());
        }

        blocks.add(header("Your communities"));
        if (home.communities().isEmpty()) {
            blocks.add(markdown(home.person().guest()
                    ? "You are not in a community yet: join one you are invited to below."
                    : "You are not in a community yet: join a suggestion below, browse with `" + COMMAND
                            + " communities`, or create one."));
        }
        for (Home.Mine mine : home.communities()) {
            blocks.add(mine(mine));
            if (!mine.requests().isEmpty()) {
                blocks.addAll(requests(mine, mentions));
            }
        }

        if (feed != null && !feed.posts().isEmpty()) {
            blocks.add(header("Latest in your communities"));
            feed.posts().stream().limit(HOME_POSTS).forEach(post -> blocks.addAll(BlockKitReply.postBlocks(post, true)));
            if (feed.posts().size() > HOME_POSTS || !feed.next().isEmpty()) {
                blocks.add(context("More with `" + COMMAND + " feed` in any channel."));
            }
        }

        if (!home.invitations().isEmpty()) {
            blocks.add(header("Invited"));
            home.invitations().forEach(community -> blocks.add(listed(community, true)));
        }
        if (!home.person().guest()) {
            blocks.add(header("Suggested for your roles and skills"));
            if (!home.suggestions().isEmpty()) {
                home.suggestions().forEach(community -> blocks.add(listed(community, false)));
            } else if (home.topics().isEmpty()) {
                blocks.add(context("Declare what you do and Ciment suggests communities tagged with it: `" + COMMAND
                        + " skills add accessibility`, `" + COMMAND + " roles add onboarding buddy`."));
            } else {
                blocks.add(context("No community you are not in yet is tagged with your roles and skills ("
                        + Mrkdwn.fit(Mrkdwn.escape(String.join(", ", home.topics())), 1500) + ")."));
            }
        }

        List<LayoutBlock> shown = withinLimit(blocks, MAX_BLOCKS - FOOTER_BLOCKS);
        shown.add(DividerBlock.builder().build());
        shown.add(context("Also in any channel: `" + COMMAND + " communities [query]` to browse, `" + COMMAND
                + " feed` for the latest posts, `" + COMMAND + " post &lt;slug&gt; &lt;text&gt;`, `" + COMMAND
                + " who &lt;skill&gt;`, `" + COMMAND + " help` for everything.")); // < and > escaped: Slack's link marks
        return home(shown);
    }

    /** A Home that only says why it cannot show more (Slack did not answer, say). */
    public static View unavailable(String sentence) {
        return home(List.of(markdown(":warning: " + Mrkdwn.fit(Mrkdwn.escape(sentence), 2900))));
    }

    private static View home(List<LayoutBlock> blocks) {
        return View.builder().type("home").callbackId(CALLBACK_ID).blocks(blocks).build();
    }

    private static Optional<LayoutBlock> answerBlock(Reply answer) {
        if (answer == null) {
            return Optional.empty();
        }
        // The same drawing as the command's answer: one clear sentence, a refusal marked as such.
        List<LayoutBlock> drawn = BlockKitReply.render(answer, null).blocks();
        return drawn.isEmpty() ? Optional.empty() : Optional.of(drawn.getFirst());
    }

    private static LayoutBlock mine(Home.Mine mine) {
        Community community = mine.community();
        List<String> status = new ArrayList<>();
        status.add(mine.steward() ? ":seedling: you are a steward" : "you are a member");
        status.add(Aggregate.members(community.memberCount()));
        openness(community).ifPresent(status::add);
        if (!mine.requests().isEmpty()) {
            status.add("*Requests (" + mine.requests().size() + ")*");
        }
        String heading = "*" + community.slug() + "*  " + Mrkdwn.fit(Mrkdwn.escape(community.name()), 200) + "\n";
        String after = "\n_" + String.join(" · ", status.stream().filter(s -> !s.isEmpty()).toList()) + "_";
        SectionBlock section = section(heading, Mrkdwn.escape(community.purpose()), after);
        section.setAccessory(CommunityButtons.leave(community));
        return section;
    }

    private static List<LayoutBlock> requests(Home.Mine mine, Mentions mentions) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (JoinRequest request : mine.requests()) {
            List<ChatAccount> accounts = mine.accounts().getOrDefault(request.personId(), List.of());
            String who = Mentions.name(request.personName()) + mentions.mention(accounts).map(m -> " (" + m + ")").orElse("");
            blocks.add(context(":hourglass_flowing_sand: *" + who + "* asked to join *" + request.slug() + "* "
                    + BlockKitReply.time(request.at())));
            List<BlockElement> buttons = new ArrayList<>();
            if (!mine.community().archived()) {
                buttons.add(CommunityButtons.approve(request));
            }
            buttons.add(CommunityButtons.decline(request));
            blocks.add(ActionsBlock.builder().elements(buttons).build());
        }
        return blocks;
    }

    private static LayoutBlock listed(Community community, boolean invited) {
        String heading = "*" + community.slug() + "*  " + Mrkdwn.fit(Mrkdwn.escape(community.name()), 200) + "\n";
        String about = Mrkdwn.escape(community.purpose())
                + (community.tags().isEmpty() ? "" : "\nTags: " + Mrkdwn.escape(String.join(", ", community.tags())));
        List<String> status = new ArrayList<>();
        status.add(Aggregate.members(community.memberCount()));
        openness(community).ifPresent(status::add);
        if (invited) {
            status.add("you are invited");
        }
        SectionBlock section = section(heading, about, "\n_" + String.join(" · ",
                status.stream().filter(s -> !s.isEmpty()).toList()) + "_");
        CommunityButtons.join(community, invited).ifPresent(section::setAccessory);
        return section;
    }

    private static Optional<String> openness(Community community) {
        if (community.archived()) {
            return Optional.of(":file_cabinet: archived");
        }
        return community.open() ? Optional.empty() : Optional.of(":lock: closed");
    }

    private static LayoutBlock header(String text) {
        return HeaderBlock.builder().text(CommunityButtons.plain(text)).build();
    }

    private static LayoutBlock context(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(Mrkdwn.fit(mrkdwn, 3000)).build())).build();
    }

    /** The blocks that fit, the last place saying how many more there are and where to see them. */
    private static List<LayoutBlock> withinLimit(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return new ArrayList<>(blocks);
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(context("…and " + (blocks.size() - kept.size()) + " more not shown here: `" + COMMAND
                + " communities` lists communities, `" + COMMAND + " requests &lt;slug&gt;` the requests of one."));
        return kept;
    }
}
