package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.COMMAND;
import static ciment.slack.render.BlockKitReply.joinWithin;
import static ciment.slack.render.BlockKitReply.markdown;

import ciment.core.i18n.Catalogue;
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

    static List<LayoutBlock> me(Reply.Me me, Mentions mentions, Catalogue words) {
        Profile profile = me.profile();
        List<String> accounts = me.accounts().stream().map(account -> account(account, mentions, words)).toList();
        String facts = words.say("slack.me.accounts", accounts.isEmpty() ? words.say("slack.me.noAccount")
                : joinWithin(accounts, ", ", 400, words))
                + "\n" + words.say("slack.me.email", email(profile, me.unlinked(words), words))
                + "\n" + words.say("slack.me.roles", declared(profile.roles(), "slack.me.roles.none", words))
                + "\n" + words.say("slack.me.skills", declared(profile.skills(), "slack.me.skills.none", words));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(markdown("*" + Mentions.name(profile.person().displayName()) + "*"));
        blocks.add(markdown(facts));
        if (profile.person().guest()) {
            blocks.add(markdown(":handshake: " + words.say("slack.me.guest")));
        }
        return blocks;
    }

    /** The address that links my accounts, or why this account stays on its own (whoami says why, in one sentence). */
    private static String email(Profile profile, Optional<String> unlinked, Catalogue words) {
        Optional<String> address = profile.email().map(email -> Mrkdwn.fit(Mrkdwn.escape(email), EMAIL_MAX));
        if (unlinked.isPresent()) {
            return address.orElseGet(() -> words.say("slack.me.email.unknown")) + ". " + Mrkdwn.escape(unlinked.get());
        }
        if (profile.vouchedBy().isPresent()) {
            return words.say("slack.me.email.verified", address.get());
        }
        return address.map(email -> words.say("slack.me.email.unchecked", email))
                .orElseGet(() -> words.say("slack.me.email.none"));
    }

    private static String account(ChatAccount account, Mentions mentions, Catalogue words) {
        if (mentions.isHere(account)) {
            return words.say("slack.me.account.here", "<@" + account.userId() + ">");
        }
        return account.platform() == Platform.SLACK
                ? words.say("slack.me.account.workspace", Mrkdwn.fit(Mrkdwn.escape(account.workspace()), 40))
                : account.platform().label();
    }

    /** The topics declared, or how to declare one ({@code noneKey} names the command). */
    private static String declared(List<String> topics, String noneKey, Catalogue words) {
        return topics.isEmpty() ? words.say(noneKey, COMMAND)
                : joinWithin(topics.stream().map(Mrkdwn::escape).toList(), ", ", DECLARED_MAX, words);
    }

    static List<LayoutBlock> who(Reply.Who who, Mentions mentions, Catalogue words) {
        String topic = Mrkdwn.escape(who.topic());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(markdown(words.say("slack.who.heading", topic)));
        if (who.people().isEmpty() && who.communities().isEmpty()) {
            blocks.add(markdown(Mrkdwn.escape(who.summary(words)) + " " + words.say("slack.who.offer", COMMAND, topic)));
            return blocks;
        }
        List<String> people = who.people().stream().map(found -> "• " + person(found, mentions, words)).toList();
        blocks.add(markdown(words.say("slack.who.people") + "\n" + (people.isEmpty() ? words.say("slack.who.nobody")
                : joinWithin(people, "\n", LIST_MAX, words))));
        if (!who.communities().isEmpty()) {
            List<String> communities = who.communities().stream().map(community -> community(community, words)).toList();
            blocks.add(markdown(words.say("slack.who.communities") + "\n" + joinWithin(communities, "\n", LIST_MAX, words)));
        }
        return blocks;
    }

    /** The name, and a way to reach them from here: a mention, or where else they are. */
    private static String person(Reply.Found found, Mentions mentions, Catalogue words) {
        String name = "*" + Mentions.name(found.person().displayName()) + "*";
        return mentions.mention(found.accounts()).map(mention -> name + " · " + mention).orElseGet(() -> {
            String elsewhere = Mentions.elsewhere(found.accounts(), words);
            return elsewhere.isEmpty() ? name : name + " · " + words.say("slack.who.on", elsewhere);
        });
    }

    private static String community(Community community, Catalogue words) {
        return "• *" + community.slug() + "* " + Mrkdwn.fit(Mrkdwn.escape(community.purpose()), PURPOSE_IN_LIST)
                + (community.open() ? "" : " _(" + words.say("slack.status.closed") + ")_");
    }
}
