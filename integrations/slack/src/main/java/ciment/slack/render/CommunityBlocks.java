package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.joinWithin;
import static ciment.slack.render.BlockKitReply.markdown;
import static ciment.slack.render.BlockKitReply.section;

import ciment.core.model.Aggregate;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.reply.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Communities in Block Kit: the list, one community's card, and the join requests waiting in one. */
final class CommunityBlocks {
    /** Bounds of the joined parts of a card, so that the card's section stays within 3,000 characters. */
    private static final int TAGS_MAX = 900;
    private static final int STEWARDS_MAX = 1500;

    private CommunityBlocks() {
    }

    static List<LayoutBlock> list(Reply.CommunityList list) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(list.summary()) + "*"));
        list.communities().forEach(listed -> blocks.add(listed(listed)));
        if (!list.suggested().isEmpty()) {
            blocks.add(section("", "*Suggested for your roles and skills*"));
            list.suggested().forEach(listed -> blocks.add(listed(listed)));
        }
        return BlockKitReply.withinBlockLimit(blocks, "communities");
    }

    private static LayoutBlock listed(Reply.Listed listed) {
        Community community = listed.community();
        String heading = "*" + community.slug() + "*  " + Mrkdwn.escape(community.name()) + "\n";
        String about = Mrkdwn.escape(community.purpose())
                + (community.tags().isEmpty() ? "" : "\nTags: " + Mrkdwn.escape(String.join(", ", community.tags())));
        List<String> status = new ArrayList<>();
        status.add(Aggregate.members(community.memberCount()));
        openness(community).ifPresent(status::add);
        status.add(listed.member() ? "you are a member" : joining(community, listed.invited()));
        SectionBlock section = section(heading, about, "\n_" + String.join(" · ",
                status.stream().filter(s -> !s.isEmpty()).toList()) + "_");
        if (!listed.member()) {
            CommunityButtons.join(community, listed.invited()).ifPresent(section::setAccessory);
        }
        return section;
    }

    /** "closed" or "archived": an open community says nothing. */
    private static Optional<String> openness(Community community) {
        if (community.archived()) {
            return Optional.of(":file_cabinet: archived");
        }
        return community.open() ? Optional.empty() : Optional.of(":lock: closed");
    }

    /** How someone outside joins, or nothing when nobody can. */
    private static String joining(Community community) {
        return joining(community, false);
    }

    private static String joining(Community community, boolean invited) {
        if (community.archived()) {
            return "";
        }
        String join = "`" + COMMAND + " join " + community.slug() + "`";
        if (invited) {
            return "you are invited: join with " + join;
        }
        return community.open() ? "join with " + join : "ask to join with " + join;
    }

    static List<LayoutBlock> info(Reply.Info info, Mentions mentions) {
        Community community = info.community();
        String heading = "*" + community.slug() + "*  " + Mrkdwn.escape(community.name()) + "\n";

        String state = community.archived()
                ? ":file_cabinet: *Archived*: read-only, its posts are still readable."
                : community.open() ? ":unlock: *Open*: anyone can join." : ":lock: *Closed*: joining needs a steward's approval.";
        String tags = community.tags().isEmpty() ? "none yet"
                : joinWithin(community.tags().stream().map(Mrkdwn::escape).toList(), ", ", TAGS_MAX);
        List<String> stewards = info.stewards().stream()
                .map(steward -> mentions.mentionOrName(steward, info.accounts().getOrDefault(steward.id(), List.of())))
                .toList();
        String facts = state
                + "\n*Size:* " + Aggregate.members(community.memberCount())
                + "\n*Tags:* " + tags
                + "\n*Stewards:* " + joinWithin(stewards, ", ", STEWARDS_MAX);

        return List.of(section(heading, Mrkdwn.escape(community.purpose())), markdown(facts),
                markdown(standing(info.standing(), community)));
    }

    private static String standing(Reply.Standing standing, Community community) {
        String slug = community.slug().value();
        return switch (standing) {
            case STEWARD -> ":seedling: You are a steward of *" + slug + "*."
                    + (community.open() ? "" : " Waiting requests: `" + COMMAND + " requests " + slug + "`.");
            case MEMBER -> ":white_check_mark: You are a member of *" + slug + "*."
                    + (community.archived() ? "" : " Post with `" + COMMAND + " post " + slug + " &lt;text&gt;`.");
            case INVITED -> ":envelope_with_arrow: You are invited to *" + slug + "*: join with `" + COMMAND + " join " + slug
                    + "`, no approval needed.";
            case REQUESTED -> ":hourglass_flowing_sand: Your request to join *" + slug + "* waits for a steward.";
            case NONE -> community.archived() ? "You are not a member; nobody joins an archived community."
                    : "You are not a member: " + joining(community) + ".";
        };
    }

    static List<LayoutBlock> requests(Reply.Requests requests, Mentions mentions) {
        String slug = requests.community();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (requests.requests().isEmpty()) {
            blocks.add(section(":inbox_tray: ", Mrkdwn.escape(requests.summary())));
            return blocks;
        }
        blocks.add(markdown("*Join requests waiting in " + slug + "*"));
        // Two blocks a request (who, then Approve and Decline), and room for the count of those left out.
        int shown = Math.min(requests.requests().size(), (BlockKitReply.MAX_BLOCKS - 2) / 2);
        for (JoinRequest request : requests.requests().subList(0, shown)) {
            List<ChatAccount> accounts = requests.accounts().getOrDefault(request.personId(), List.of());
            Optional<String> mention = mentions.mention(accounts);
            String who = "*" + Mentions.name(request.personName()) + "*" + mention.map(m -> " (" + m + ")").orElse("")
                    + " asked " + BlockKitReply.time(request.at());
            String answer = mention
                    .map(m -> "\nLet them in: `" + COMMAND + " approve " + slug + " " + m + "`"
                            + "\nSay no: `" + COMMAND + " decline " + slug + " " + m + "`")
                    .orElseGet(() -> "\n_They asked from " + where(accounts) + ": answer with the buttons, or from"
                            + " there, where they can be @mentioned._");
            blocks.add(markdown(who + answer));
            blocks.add(ActionsBlock.builder()
                    .elements(List.of(CommunityButtons.approve(request), CommunityButtons.decline(request))).build());
        }
        int hidden = requests.requests().size() - shown;
        if (hidden > 0) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                    .text("…and " + hidden + " more requests not shown.").build())).build());
        }
        return blocks;
    }

    private static String where(List<ChatAccount> accounts) {
        String elsewhere = Mentions.elsewhere(accounts);
        return elsewhere.isEmpty() ? "another chat tool" : elsewhere;
    }
}
