package ciment.teams.render;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.Answer;
import ciment.core.reply.Insights;
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
     * An answer, said in the language of the person who asked.
     *
     * @param readerTenant the tenant of the person the answer goes to: it tells their own organisation's
     *                     accounts from other organisations' (whoami, who)
     */
    public static Activity render(Answer answer, String readerTenant) {
        return render(answer.reply(), readerTenant, answer.words());
    }

    /** A reply, said with {@code words}. */
    public static Activity render(Reply reply, String readerTenant, Catalogue words) {
        String summary = reply.summary(words);
        return switch (reply) {
            case Reply.Done done -> text(summary);
            case Reply.Refused refused -> text(summary);
            case Reply.Posted posted -> textAndCard(summary, PostCards.posted(posted, words));
            case Reply.Help help -> markdown(help(help.commands(), words));
            case Reply.Feed feed -> card(summary, PostCards.feed(feed, words));
            case Reply.CommunityList list -> card(summary, CommunityCards.communities(list, words));
            case Reply.Info info -> card(summary, CommunityCards.info(info, words));
            case Reply.Requests requests -> card(summary, StewardCards.requests(requests, words));
            case Reply.Members members -> card(summary, MemberCards.members(members, words));
            case Reply.Me me -> card(summary, PeopleCards.me(me, readerTenant, words));
            case Reply.Who who -> card(summary, PeopleCards.who(who, readerTenant, words));
            case Reply.Thread thread -> card(summary, ThreadCards.thread(thread, words));
            case Reply.Audit audit -> card(summary, StewardCards.audit(audit, words));
            case Reply.Posts posts -> card(summary, PostCards.posts(posts, words));
            case Reply.Costs costs -> card(summary, CostCards.costs(costs, words));
            case Insights insights -> card(summary, InsightCards.insights(insights, words));
        };
    }

    /** The card of an answer that has one with buttons (info, a list, requests), to draw again after a click. */
    public static Optional<ObjectNode> actionable(Reply reply, String readerTenant, Catalogue words) {
        Attachment drawn = switch (reply) {
            case Reply.Info info -> CommunityCards.info(info, words);
            case Reply.CommunityList list -> CommunityCards.communities(list, words);
            case Reply.Requests requests -> StewardCards.requests(requests, words);
            case Reply.Feed feed -> PostCards.feed(feed, words);
            case Reply.Thread thread -> ThreadCards.thread(thread, words);
            case Insights insights -> InsightCards.insights(insights, words);
            default -> null;
        };
        return Optional.ofNullable(drawn).map(a -> (ObjectNode) a.getContent());
    }

    private static String help(List<Usage> commands, Catalogue words) {
        StringBuilder text = new StringBuilder("**").append(words.say("teams.help.title")).append("** (")
                .append(words.say("teams.help.how")).append(")\n\n");
        for (Usage usage : commands) {
            text.append(words.say("teams.help.line", usage.form(words), usage.meaning(words))).append('\n');
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
