package ciment.teams;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.core.service.Caller;
import ciment.core.service.Ciment;
import ciment.core.service.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

/**
 * The Teams bot: a message is a Ciment command (the bot's @mention stripped, other people's mentions
 * resolved through the Bot Connector when a command names them), answered in the same conversation
 * through the Bot Connector at the activity's serviceUrl.
 */
public final class CimentBot extends TeamsActivityHandler {
    /** The Bot Framework Emulator sends no tenant: its people all live in this one. */
    public static final String NO_TENANT = "no-tenant";

    private final Ciment ciment;
    private final Clock clock;

    public CimentBot(Ciment ciment, Clock clock) {
        this.ciment = ciment;
        this.clock = clock;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        MentionText.Read message = MentionText.read(activity);
        Caller caller = callerOf(activity, TeamsDirectory.of(turnContext, message.mentions()));
        Reply reply = ciment.handle(caller, message.command());
        return turnContext.sendActivity(TeamsReplies.render(reply, caller.account().workspace())).thenApply(sent -> null);
    }

    /** The SDK's handler fails on a Teams update that has neither members nor an event type: ignore those. */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        boolean members = activity.getMembersAdded() != null || activity.getMembersRemoved() != null;
        JsonNode eventType = activity.getChannelData() == null ? null
                : Serialization.objectToTree(activity.getChannelData()).get("eventType");
        if (activity.isTeamsActivity() && !members && (eventType == null || !eventType.isTextual())) {
            return CompletableFuture.completedFuture(null);
        }
        return super.onConversationUpdateActivity(turnContext);
    }

    Caller callerOf(Activity activity) {
        return callerOf(activity, Directory.NONE);
    }

    /** The sender: their AAD object id (the Teams user id when there is none) in the conversation's tenant. */
    Caller callerOf(Activity activity, Directory directory) {
        ChannelAccount from = activity.getFrom();
        String userId = from == null ? null : firstText(from.getAadObjectId(), from.getId());
        if (userId == null) {
            throw new IllegalArgumentException("the activity names no sender (from.id)");
        }
        String name = from.getName();
        ChatAccount account = new ChatAccount(Platform.TEAMS, tenantOf(activity), userId);
        return new Caller(account, () -> name, requestIdOf(activity), timeOf(activity), directory);
    }

    static String tenantOf(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String inConversation = conversation == null ? null : conversation.getTenantId();
        String inChannelData = null;
        if (activity.getChannelData() != null) {
            JsonNode channelData = Serialization.objectToTree(activity.getChannelData());
            JsonNode id = channelData == null ? null : channelData.path("tenant").path("id");
            inChannelData = id != null && id.isTextual() ? id.asText() : null;
        }
        String tenant = firstText(inConversation, inChannelData);
        return tenant == null ? NO_TENANT : tenant;
    }

    /** The Bot Connector may deliver an activity again: its conversation and id name it for good. */
    static String requestIdOf(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        if (conversation == null || conversation.getId() == null || activity.getId() == null) {
            return null;
        }
        return conversation.getId() + "|" + activity.getId();
    }

    private Instant timeOf(Activity activity) {
        OffsetDateTime timestamp = activity.getTimestamp();
        return timestamp == null ? clock.instant() : timestamp.toInstant();
    }

    private static String firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
