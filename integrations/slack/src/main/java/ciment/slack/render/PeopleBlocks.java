package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.joinWithin;
import static ciment.slack.render.BlockKitReply.markdown;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.reply.Reply;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** People in Block Kit: what I declared (whoami, roles, skills) and who offers a skill. */
final class PeopleBlocks {
    /** Bounds of the joined lists, so that each section stays within 3,000 characters. */
    private static final int DECLARED_MAX = 1200;
    private static final int LIST_MAX = 2800;
    /** A purpose in a list of communities is cut sooner than on a card. */
    private static final int PURPOSE_IN_LIST = 150;
    /** An email address is at most 254 characters. */
    private static final int EMAIL_MAX = 254;

    private PeopleBlocks() {
    }

    static List<LayoutBlock> me(Reply.Me me, Mentions mentions) {
        Profile profile = me.profile();
        List<String> accounts = me.accounts().stream().map(account -> account(account, mentions)).toList();
        String facts = "*Accounts:* " + (accounts.isEmpty() ? "none" : joinWithin(accounts, ", ", 400))
                + "\n*Email:* " + email(profile, me.unlinked())
                + "\n*Roles:* " + declared(profile.roles(), "roles add &lt;text&gt;")
                + "\n*Skills:* " + declared(profile.skills(), "skills add &lt;text&gt;");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(markdown("*" + Mentions.name(profile.person().displayName()) + "*"));
        blocks.add(markdown(facts));
        if (profile.person().guest()) {
            blocks.add(markdown(":handshake: You take part as a guest: you see and join the communities a steward"
                    + " invites you to."));
        }
        return blocks;
    }

    /** The address that links my accounts, or why this account stays on its own (whoami says why, in one sentence). */
    private static String email(Profile profile, Optional<String> unlinked) {
        Optional<String> address = profile.email().map(email -> Mrkdwn.fit(Mrkdwn.escape(email), EMAIL_MAX));
        if (unlinked.isPresent()) {
            return address.orElse("none known") + ". " + Mrkdwn.escape(unlinked.get());
        }
        if (profile.vouchedBy().isPresent()) {
            return address.get() + " (your accounts are linked by this verified address: one person on Slack and Teams)";
        }
        return address.map(email -> email + " (not checked yet: whoami checks it, and links your accounts by it when"
                        + " your workspace is trusted for it)")
                .orElse("none known: Slack did not give Ciment your email address, so this account stays separate"
                        + " from any other you use (accounts are linked by verified email).");
    }

    private static String account(ChatAccount account, Mentions mentions) {
        if (mentions.isHere(account)) {
            return "Slack, here (<@" + account.userId() + ">)";
        }
        return account.platform() == Platform.SLACK
                ? "Slack, workspace " + Mrkdwn.fit(Mrkdwn.escape(account.workspace()), 40)
                : account.platform().label();
    }

    private static String declared(List<String> topics, String addCommand) {
        return topics.isEmpty() ? "none yet: add one with `" + COMMAND + " " + addCommand + "`"
                : joinWithin(topics.stream().map(Mrkdwn::escape).toList(), ", ", DECLARED_MAX);
    }

    static List<LayoutBlock> who(Reply.Who who, Mentions mentions) {
        String topic = Mrkdwn.escape(who.topic());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(markdown("*Who for “" + topic + "”*"));
        if (who.people().isEmpty() && who.communities().isEmpty()) {
            blocks.add(markdown(Mrkdwn.escape(who.summary()) + " Offer it yourself with `" + COMMAND + " skills add "
                    + topic + "`."));
            return blocks;
        }
        List<String> people = who.people().stream().map(found -> "• " + person(found, mentions)).toList();
        blocks.add(markdown("*People*\n" + (people.isEmpty() ? "Nobody has declared it yet."
                : joinWithin(people, "\n", LIST_MAX))));
        if (!who.communities().isEmpty()) {
            List<String> communities = who.communities().stream().map(PeopleBlocks::community).toList();
            blocks.add(markdown("*Communities tagged with it*\n" + joinWithin(communities, "\n", LIST_MAX)));
        }
        return blocks;
    }

    /** The name, and a way to reach them from here: a mention, or where else they are. */
    private static String person(Reply.Found found, Mentions mentions) {
        String name = "*" + Mentions.name(found.person().displayName()) + "*";
        return mentions.mention(found.accounts()).map(mention -> name + " · " + mention).orElseGet(() -> {
            String elsewhere = Mentions.elsewhere(found.accounts());
            return elsewhere.isEmpty() ? name : name + " · on " + elsewhere;
        });
    }

    private static String community(Community community) {
        return "• *" + community.slug() + "* " + Mrkdwn.fit(Mrkdwn.escape(community.purpose()), PURPOSE_IN_LIST)
                + (community.open() ? "" : " _(closed)_");
    }
}
