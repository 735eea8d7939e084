package ciment.teams;

import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.List;

/** How Ciment's answers look in Teams: sentences as text, lists as Adaptive Cards. */
final class TeamsReplies {
    /**
     * A sentence is cut to this many characters: one that long only quotes what was typed, and 1,500 emoji
     * (18 KB as sent) leave room for the envelope within Teams' limit.
     */
    static final int SENTENCE_MAX = 1_500;

    private TeamsReplies() {
    }

    /**
     * @param readerTenant the tenant of the person the answer goes to: it tells their own organisation's
     *                     accounts from other organisations' (whoami, who)
     */
    static Activity render(Reply reply, String readerTenant) {
        return switch (reply) {
            case Reply.Done done -> text(done.summary());
            case Reply.Refused refused -> text(refused.summary());
            case Reply.Posted posted -> textAndCard(posted.summary(), AdaptiveCards.posted(posted));
            case Reply.Help help -> markdown(help(help.commands()));
            case Reply.Feed feed -> card(feed.summary(), AdaptiveCards.feed(feed));
            case Reply.CommunityList list -> card(list.summary(), AdaptiveCards.communities(list));
            case Reply.Info info -> card(info.summary(), AdaptiveCards.info(info));
            case Reply.Requests requests -> card(requests.summary(), AdaptiveCards.requests(requests));
            case Reply.Members members -> card(members.summary(), MemberCards.members(members));
            case Reply.Me me -> card(me.summary(), AdaptiveCards.me(me, readerTenant));
            case Reply.Who who -> card(who.summary(), AdaptiveCards.who(who, readerTenant));
            case Reply.Thread thread -> card(thread.summary(), AdaptiveCards.thread(thread));
            case Reply.Audit audit -> card(audit.summary(), AdaptiveCards.audit(audit));
            case Reply.Posts posts -> card(posts.summary(), AdaptiveCards.posts(posts));
            case Reply.Costs costs -> card(costs.summary(), AdaptiveCards.costs(costs));
        };
    }

    private static String help(List<Usage> commands) {
        StringBuilder text = new StringBuilder("**Ciment commands** (send them to me; in a channel, @mention me first)\n\n");
        for (Usage usage : commands) {
            text.append("- `").append(usage.form()).append("`: ").append(usage.meaning()).append('\n');
        }
        return text.toString().strip();
    }

    /**
     * A sentence as plain text: it may quote what someone typed, which Teams would otherwise read as markdown
     * (a link hiding its address).
     */
    static Activity plain(String sentence) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(CardText.cut(sentence, SENTENCE_MAX));
        activity.setTextFormat(TextFormatTypes.PLAIN);
        return activity;
    }

    private static Activity text(String sentence) {
        return plain(sentence);
    }

    /** The sentence, then the card (a post shown with its buttons under "Posted #… in …"). */
    private static Activity textAndCard(String sentence, com.microsoft.bot.schema.Attachment card) {
        Activity activity = text(sentence);
        activity.setSummary(TeamsWire.summary(sentence));
        activity.setAttachments(List.of(card));
        return activity;
    }

    private static Activity markdown(String text) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(text);
        activity.setTextFormat(TextFormatTypes.MARKDOWN);
        return activity;
    }

    private static Activity card(String summary, com.microsoft.bot.schema.Attachment card) {
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(TeamsWire.summary(summary));
        activity.setAttachments(List.of(card));
        return activity;
    }
}
