package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.Directory;
import ciment.core.model.Recipient;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import java.util.List;
import java.util.Objects;

/**
 * Ciment added to a team, a group chat or a personal chat: it introduces itself there, once. Teams says so twice
 * on an install (conversationUpdate with the bot among membersAdded, and installationUpdate "add"), and may send
 * each again: core writes the introduction with a mark of the conversation, in one conditional change, so it is
 * written once whichever arrives first. Nobody is looked up nor enrolled: the installer may never use Ciment.
 */
final class TeamsInstalls {
    /** How the bot is @mentioned in a channel or group chat, when Teams names it not. */
    private static final String BOT_NAME = "Ciment";

    private final Ciment ciment;
    private final TeamsCallers callers;

    TeamsInstalls(Ciment ciment, TeamsCallers callers) {
        this.ciment = ciment;
        this.callers = callers;
    }

    /** installationUpdate, action add (or add-upgrade). */
    void installed(TurnContext turnContext) {
        introduce(turnContext.getActivity());
    }

    /** conversationUpdate: only the bot's own arrival introduces it (not a person joining the team). */
    void membersAdded(List<ChannelAccount> added, TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (bot != null && added.stream().anyMatch(member -> Objects.equals(member.getId(), bot))) {
            introduce(activity);
        }
    }

    private void introduce(Activity activity) {
        if (activity.getConversation() == null || activity.getFrom() == null) {
            return;
        }
        Caller caller = callers.caller(activity);
        Recipient where = caller.replyTo();
        // A channel's id may name a message of it (";messageid="): the conversation is the channel.
        String conversationId = channelOf(where.conversationId());
        Caller there = new Caller(caller.account(), caller.introduction(), caller.requestId(), caller.at(),
                Directory.NONE, new Recipient(where.account(), conversationId, where.serviceUrl()), null,
                caller.locale());
        ciment.introduceIn(there, addressing(activity));
    }

    /** In a personal chat, commands are sent as they are; elsewhere the bot is @mentioned first. */
    private static String addressing(Activity activity) {
        if ("personal".equals(activity.getConversation().getConversationType())) {
            return "";
        }
        String name = activity.getRecipient() == null ? null : activity.getRecipient().getName();
        return "@" + (name == null || name.isBlank() ? BOT_NAME : name.strip()) + " ";
    }

    static String channelOf(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int message = conversationId.indexOf(";messageid=");
        return message < 0 ? conversationId : conversationId.substring(0, message);
    }
}
