package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.teams.outbound.TeamsCopies;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages of a team's channel that are not commands to the bot. With the resource-specific consent
 * permission ChannelMessage.Read.Group, Teams hands the bot every message of the channels of a team it is
 * installed in; those of a linked channel become the community's posts (a reply chain's, replies), and their
 * edits (messageUpdate) and deletions (messageDelete) follow. Any other channel's messages are let be.
 *
 * <p>The message's id is the request's, and its time the post's, so a message delivered again derives the
 * same post and writes nothing new.
 */
final class TeamsChannelMessages {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsChannelMessages.class);
    static final String EDIT = "editMessage";
    static final String SOFT_DELETE = "softDeleteMessage";

    private final Ciment ciment;

    TeamsChannelMessages(Ciment ciment) {
        this.ciment = ciment;
    }

    /**
     * The channel of a team a request was made in (its id without the reply chain Teams adds), or null in a
     * personal or group chat: only a channel can be linked.
     */
    static Channel channelOf(Activity activity, String tenant) {
        ConversationAccount conversation = activity.getConversation();
        if (conversation == null || conversation.getId() == null
                || !"channel".equalsIgnoreCase(conversation.getConversationType())) {
            return null;
        }
        String name = null;
        if (activity.getChannelData() != null) {
            JsonNode channel = Serialization.objectToTree(activity.getChannelData()).path("channel");
            name = channel.path("name").isTextual() ? channel.path("name").asText() : null;
        }
        return new Channel(Platform.TEAMS, tenant, TeamsCopies.channelOf(conversation.getId()), name,
                activity.getServiceUrl());
    }

    /**
     * A channel message: a post, or in a reply chain a reply. Empty when nothing is to be said back (a post
     * made, a channel that is not linked); the refusal when the message stays in the channel only, told to its
     * writer in the reply chain in their language.
     */
    Optional<Reply.Refused> message(Caller caller, Activity activity, String text) {
        String rootMessageId = TeamsCopies.rootMessageOf(activity.getConversation().getId())
                .filter(root -> !root.equals(activity.getId())).orElse(null);
        return refusalOf(ciment.channelMessage(asMessage(caller, activity.getId()), activity.getId(), rootMessageId,
                text), activity);
    }

    /** A messageUpdate (editMessage): the post made from the message shows its new words. */
    void edited(Caller caller, Activity activity, String text) {
        refusalOf(ciment.channelEdit(asMessage(caller, activity.getId()), activity.getId(), text), activity);
    }

    /** A messageDelete (softDeleteMessage): the post made from the message shows as removed. */
    void deleted(Caller caller, Activity activity) {
        // its own request: the deletion's audit entry is named by it, apart from the post the message made
        refusalOf(ciment.channelDelete(asMessage(caller, "delete|" + activity.getId()), activity.getId()), activity);
    }

    /** The change a messageUpdate or messageDelete carries (channelData.eventType), or null. */
    static String eventTypeOf(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        JsonNode type = Serialization.objectToTree(activity.getChannelData()).path("eventType");
        return type.isTextual() ? type.asText() : null;
    }

    private static Caller asMessage(Caller caller, String requestId) {
        return new Caller(caller.account(), caller.introduction(), requestId, caller.at(), caller.directory(),
                caller.replyTo(), caller.channel(), caller.locale());
    }

    private static Optional<Reply.Refused> refusalOf(Optional<Reply> reply, Activity activity) {
        if (reply.isPresent() && reply.get() instanceof Reply.Refused refused) {
            LOG.info("Channel message {} ({}) stays in its channel: {}", activity.getId(), activity.getType(),
                    refused.summary());
            return Optional.of(refused);
        }
        return Optional.empty();
    }
}
