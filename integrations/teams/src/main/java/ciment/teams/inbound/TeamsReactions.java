package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.model.Caller;
import ciment.core.model.Platform;
import ciment.core.model.PostRef;
import ciment.core.reply.Reply;
import ciment.teams.outbound.TeamsCopies;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.MessageReaction;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams reactions to a copy of a post (like, heart, laugh, surprised, sad, angry) count on the post, for
 * the person who reacted; a reaction to any other message, or of another kind, is no business of Ciment.
 * Nothing is sent back: a reaction has no answer.
 */
record TeamsReactions(Ciment ciment, TeamsCallers callers, TeamsCopies copies) {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsReactions.class);

    void react(TurnContext turnContext, List<MessageReaction> reactions, boolean add) {
        Activity activity = turnContext.getActivity();
        String conversationId = TeamsCallers.conversationIdOf(activity);
        String messageId = activity.getReplyToId();
        // a copy the bot sent, or a linked channel's message that became a post (its origin)
        Optional<String> post = copies.find(conversationId, messageId).or(() -> conversationId == null
                || messageId == null ? Optional.empty()
                : ciment.postShownBy(Platform.TEAMS, TeamsCopies.channelOf(conversationId), messageId));
        if (post.isEmpty() || reactions == null) {
            return;
        }
        Caller caller = callers.caller(turnContext);
        for (MessageReaction reaction : reactions) {
            Optional<String> emoji = TeamsCopies.emojiOf(reaction.getType());
            if (emoji.isEmpty()) {
                continue;
            }
            Reply done = ciment.execute(caller, () -> new ConversationVerbs.React(PostRef.parse(post.get()), emoji.get(),
                    add));
            if (done instanceof Reply.Refused refused) {
                LOG.info("Reaction {} to post {} not counted: {}", reaction.getType(), post.get(), refused.summary());
            }
        }
    }
}
