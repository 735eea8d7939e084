package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.joinWithin;
import static ciment.slack.render.BlockKitReply.markdown;
import static ciment.slack.render.BlockKitReply.section;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Aggregate;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
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

    static List<LayoutBlock> list(Reply.CommunityList list, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("", "*" + Mrkdwn.escape(list.summary(words)) + "*"));
        list.communities().forEach(listed -> blocks.add(listed(listed, words)));
        if (!list.suggested().isEmpty()) {
            blocks.add(section("", "*" + words.say("slack.suggested") + "*"));
            list.suggested().forEach(listed -> blocks.add(listed(listed, words)));
        }
        return BlockKitReply.withinBlockLimit(blocks, "slack.hidden.communities", words);
    }

    private static LayoutBlock listed(Reply.Listed listed, Catalogue words) {
        Community community = listed.community();
        String heading = "*" + community.slug() + "*  " + Mrkdwn.escape(community.name()) + "\n";
        List<String> status = new ArrayList<>();
        status.add(words.say(Aggregate.membersMessage(community.memberCount())));
        openness(community, words).ifPresent(status::add);
        status.add(listed.member() ? words.say("slack.status.member") : joining(community, listed.invited(), words));
        SectionBlock section = section(heading, about(community, words), status(status));
        if (!listed.member()) {
            CommunityButtons.join(community, listed.invited(), words).ifPresent(section::setAccessory);
        }
        return section;
    }

    /** The purpose, then the tags if there are any: a listed community's text. */
    static String about(Community community, Catalogue words) {
        return Mrkdwn.escape(community.purpose()) + (community.tags().isEmpty() ? ""
                : "\n" + words.say("slack.tags", Mrkdwn.escape(String.join(", ", community.tags()))));
    }

    /** The italic line under a listed community: its facts joined by dots. */
    static String status(List<String> facts) {
        return "\n_" + String.join(" · ", facts.stream().filter(s -> !s.isEmpty()).toList()) + "_";
    }

    /** "closed" or "archived": an open community says nothing. */
    static Optional<String> openness(Community community, Catalogue words) {
        if (community.archived()) {
            return Optional.of(":file_cabinet: " + words.say("slack.status.archived"));
        }
        return community.open() ? Optional.empty() : Optional.of(":lock: " + words.say("slack.status.closed"));
    }

    /** How someone outside joins, or nothing when nobody can. */
    private static String joining(Community community, boolean invited, Catalogue words) {
        if (community.archived()) {
            return "";
        }
        String key = invited ? "slack.joining.invited" : community.open() ? "slack.joining.open" : "slack.joining.closed";
        return words.say(key, COMMAND, community.slug());
    }

    static List<LayoutBlock> info(Reply.Info info, Mentions mentions, Catalogue words) {
        Community community = info.community();
        String heading = "*" + community.slug() + "*  " + Mrkdwn.escape(community.name()) + "\n";

        String state = community.archived() ? ":file_cabinet: " + words.say("slack.info.archived")
                : community.open() ? ":unlock: " + words.say("slack.info.open") : ":lock: " + words.say("slack.info.closed");
        String tags = community.tags().isEmpty() ? words.say("slack.info.noTags")
                : joinWithin(community.tags().stream().map(Mrkdwn::escape).toList(), ", ", TAGS_MAX, words);
        List<String> stewards = info.stewards().stream()
                .map(steward -> mentions.mentionOrName(steward, info.accounts().getOrDefault(steward.id(), List.of())))
                .toList();
        String facts = state
                + "\n" + words.say("slack.info.size", words.say(Aggregate.membersMessage(community.memberCount())))
                + "\n" + words.say("slack.info.tags", tags)
                + "\n" + words.say("slack.info.stewards", joinWithin(stewards, ", ", STEWARDS_MAX, words));

        List<LayoutBlock> blocks = new ArrayList<>(List.of(section(heading, Mrkdwn.escape(community.purpose())),
                markdown(facts)));
        blocks.addAll(welcome(community.welcome(), words));
        blocks.add(markdown(standing(info.standing(), community, words)));
        return blocks;
    }

    /** The stewards' welcome message and guidelines, each quoted as a post is: their words, not Ciment's. */
    private static List<LayoutBlock> welcome(CommunityWelcome welcome, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!welcome.message().isEmpty()) {
            blocks.add(section("*" + words.say("welcome.info.message") + "*\n", Mrkdwn.quote(Mrkdwn.escape(welcome.message()))));
        }
        if (!welcome.guidelines().isEmpty()) {
            blocks.add(section("*" + words.say("welcome.info.guidelines") + "*\n",
                    Mrkdwn.quote(Mrkdwn.escape(welcome.guidelines()))));
        }
        return blocks;
    }

    private static String standing(Reply.Standing standing, Community community, Catalogue words) {
        String slug = community.slug().value();
        return switch (standing) {
            case STEWARD -> ":seedling: " + words.say("slack.standing.steward", slug)
                    + (community.open() ? "" : " " + words.say("slack.standing.requests", COMMAND, slug));
            case MEMBER -> ":white_check_mark: " + words.say("slack.standing.member", slug)
                    + (community.archived() ? "" : " " + words.say("slack.standing.post", COMMAND, slug));
            case INVITED -> ":envelope_with_arrow: " + words.say("slack.standing.invited", COMMAND, slug);
            case REQUESTED -> ":hourglass_flowing_sand: " + words.say("slack.standing.requested", slug);
            case NONE -> community.archived() ? words.say("slack.standing.noneArchived")
                    : words.say("slack.standing.none", joining(community, false, words));
        };
    }

    static List<LayoutBlock> requests(Reply.Requests requests, Mentions mentions, Catalogue words) {
        String slug = requests.community();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (requests.requests().isEmpty()) {
            blocks.add(section(":inbox_tray: ", Mrkdwn.escape(requests.summary(words))));
            return blocks;
        }
        blocks.add(markdown(words.say("slack.requests.heading", slug)));
        // Two blocks a request (who, then Approve and Decline), and room for the count of those left out.
        int shown = Math.min(requests.requests().size(), (BlockKitReply.MAX_BLOCKS - 2) / 2);
        for (JoinRequest request : requests.requests().subList(0, shown)) {
            List<ChatAccount> accounts = requests.accounts().getOrDefault(request.personId(), List.of());
            Optional<String> mention = mentions.mention(accounts);
            String who = words.say("slack.requests.asked", "*" + Mentions.name(request.personName()) + "*"
                    + mention.map(m -> " (" + m + ")").orElse(""), BlockKitReply.time(request.at(), words));
            String answer = mention
                    .map(m -> "\n" + words.say("slack.requests.letIn", COMMAND, slug, m)
                            + "\n" + words.say("slack.requests.sayNo", COMMAND, slug, m))
                    .orElseGet(() -> "\n" + words.say("slack.requests.elsewhere", where(accounts, words)));
            blocks.add(markdown(who + answer));
            blocks.add(ActionsBlock.builder().elements(List.of(CommunityButtons.approve(request, words),
                    CommunityButtons.decline(request, words))).build());
        }
        int hidden = requests.requests().size() - shown;
        if (hidden > 0) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                    .text(words.say("slack.hidden.requests", hidden)).build())).build());
        }
        return blocks;
    }

    private static String where(List<ChatAccount> accounts, Catalogue words) {
        String elsewhere = Mentions.elsewhere(accounts, words);
        return elsewhere.isEmpty() ? words.say("slack.elsewhere.other") : elsewhere;
    }
}
