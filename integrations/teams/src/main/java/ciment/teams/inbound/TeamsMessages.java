package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.model.Caller;
import ciment.core.model.PostRef;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.teams.outbound.TeamsCopies;
import ciment.teams.render.PostButtons;
import ciment.teams.render.TeamsReplies;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Messages to the bot and in linked channels: a message is a Ciment command (the bot's @mention stripped,
 * other people's mentions resolved through the Bot Connector when a command names them), answered in the
 * same conversation through the Bot Connector at the activity's serviceUrl; in a post's reply chain, a
 * reply to it; in a linked channel, without the bot's @mention, a post, edited and deleted as it is.
 */
record TeamsMessages(Ciment ciment, TeamsCallers callers, TeamsIntroduction introductions, TeamsCopies copies,
        TeamsChannelMessages channelMessages) {

    TeamsMessages(Ciment ciment, TeamsCallers callers, TeamsIntroduction introductions, TeamsCopies copies) {
        this(ciment, callers, introductions, copies, new TeamsChannelMessages(ciment));
    }

    /**
     * A command; or, in a channel's reply chain under a copy of a post (the bot's message showing it, or
     * the message that posted it), a reply to that post's thread. The activity's id is the request's, so a
     * message delivered again never replies twice. An answer showing a post is recorded as its copy.
     */
    CompletableFuture<Void> message(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        MentionText.Read message = MentionText.read(activity);
        Function<String, Optional<TeamsChannelAccount>> members = memberId -> TeamsDirectory.member(turnContext, memberId);
        TeamsDirectory directory = new TeamsDirectory(message.mentions(), TeamsCallers.tenantOf(activity), members,
                introductions);
        Caller caller = callers.caller(activity, directory, members);
        if (caller.channel() != null && !message.toBot()) {
            // not a command: a channel message, a post when its channel is linked; a refusal told in its reply chain
            return channelMessages.message(caller, activity, message.command())
                    .map(refused -> turnContext.sendActivity(TeamsReplies.plain(refused.summary(ciment.words(caller))))
                            .thenApply(sent -> (Void) null))
                    .orElseGet(() -> CompletableFuture.completedFuture(null));
        }
        String conversationId = TeamsCallers.conversationIdOf(activity);
        boolean startsChain = TeamsCopies.rootMessageOf(conversationId).filter(id -> id.equals(activity.getId()))
                .isPresent();
        Optional<String> answered = startsChain ? Optional.empty() : copies.chainRootPost(conversationId);
        // In a post's reply chain the words are a reply to it, not a command: nothing of them is parsed.
        Answer answer = answered.isPresent()
                ? ciment.answer(caller, () -> new ConversationVerbs.ReplyTo(PostRef.parse(PostButtons.rootOf(answered.get())),
                        message.command().strip()))
                : ciment.answer(caller, message.command());
        Reply reply = answer.reply();
        return turnContext.sendActivity(TeamsReplies.render(answer, caller.account().workspace())).thenApply(sent -> {
            shownPost(reply).ifPresent(post -> {
                copies.record(conversationId, sent == null ? null : sent.getId(), post);
                if (startsChain && reply instanceof Reply.Posted) {
                    copies.record(conversationId, activity.getId(), post); // its reply chain answers the post
                }
            });
            return null;
        });
    }

    /** The post an answer shows, whose copy its message is: a post made, a thread (its first post). */
    private static Optional<String> shownPost(Reply reply) {
        return switch (reply) {
            case Reply.Posted posted -> Optional.of(posted.post().reference());
            case Reply.Thread thread -> Optional.of(thread.root().reference());
            default -> Optional.empty();
        };
    }

    /**
     * A message edited or deleted in a channel (Teams sends messageUpdate and messageDelete, which this SDK's
     * handler does not know): the post made from it follows. Nothing is sent back.
     *
     * @return whether the activity was such a change (any other is the SDK handler's)
     */
    boolean changed(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String change = TeamsChannelMessages.eventTypeOf(activity);
        boolean edit = ActivityTypes.MESSAGE_UPDATE.equals(activity.getType()) && TeamsChannelMessages.EDIT.equals(change);
        boolean delete = ActivityTypes.MESSAGE_DELETE.equals(activity.getType())
                && TeamsChannelMessages.SOFT_DELETE.equals(change);
        if (!edit && !delete) {
            return false;
        }
        Caller caller = callers.caller(turnContext);
        if (caller.channel() == null || activity.getId() == null) {
            return true;
        }
        if (edit) {
            channelMessages.edited(caller, activity, MentionText.read(activity).command());
        } else {
            channelMessages.deleted(caller, activity);
        }
        return true;
    }
}
