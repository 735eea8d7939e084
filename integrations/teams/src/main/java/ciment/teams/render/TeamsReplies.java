package ciment.teams.render;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.List;
import java.util.Optional;

/** How Ciment's answers look in Teams: sentences as text, lists as Adaptive Cards. */
public final class TeamsReplies {
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
    public static Activity render(Reply reply, String readerTenant) {
        return render(reply, Catalogue.ENGLISH, readerTenant);
    }

    /** The reply in the reader's words. */
    public static Activity render(Reply reply, Catalogue words, String readerTenant) {
        return switch (reply) {
            case Reply.Done done -> text(done.summary());
            case Reply.Refused refused -> text(refused.summary());
            case Reply.Posted posted -> textAndCard(posted.summary(), PostCards.posted(posted));
            case Reply.Help help -> markdown(help(help.commands()));
            case Reply.Feed feed -> card(feed.summary(), PostCards.feed(feed));
            case Reply.CommunityList list -> card(list.summary(), CommunityCards.communities(list));
            case Reply.Info info -> card(info.summary(), CommunityCards.info(info));
            case Reply.Requests requests -> card(requests.summary(), StewardCards.requests(requests));
            case Reply.Members members -> card(members.summary(), MemberCards.members(members));
            case Reply.Me me -> card(me.summary(), PeopleCards.me(me, readerTenant));
            case Reply.Who who -> card(who.summary(), PeopleCards.who(who, readerTenant));
            case Reply.Thread thread -> card(thread.summary(), ThreadCards.thread(thread));
            case Reply.Audit audit -> card(audit.summary(), StewardCards.audit(audit));
            case Reply.Posts posts -> card(posts.summary(), PostCards.posts(posts));
            case Reply.Costs costs -> card(costs.summary(words), CostCards.costs(costs, words));
        };
    }

    /** The card of an answer that has one with buttons (info, a list, requests), to draw again after a click. */
    public static Optional<ObjectNode> actionable(Reply reply, String readerTenant) {
        Attachment drawn = switch (reply) {
            case Reply.Info info -> CommunityCards.info(info);
            case Reply.CommunityList list -> CommunityCards.communities(list);
            case Reply.Requests requests -> StewardCards.requests(requests);
            case Reply.Feed feed -> PostCards.feed(feed);
            case Reply.Thread thread -> ThreadCards.thread(thread);
            default -> null;
        };
        return Optional.ofNullable(drawn).map(a -> (ObjectNode) a.getContent());
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
    public static Activity plain(String sentence) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(CardText.cut(sentence, SENTENCE_MAX));
        activity.setTextFormat(TextFormatTypes.PLAIN);
        return activity;
    }

    private static Activity text(String sentence) {
        return plain(sentence);
    }

    /** The sentence, then the card (a post shown with its buttons under "Posted #… in …"). */
    private static Activity textAndCard(String sentence, Attachment card) {
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

    private static Activity card(String summary, Attachment card) {
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(TeamsWire.summary(summary));
        activity.setAttachments(List.of(card));
        return activity;
    }
}
