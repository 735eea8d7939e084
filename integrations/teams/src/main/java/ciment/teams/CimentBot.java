package ciment.teams;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.command.ConversationVerbs;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.PostRef;
import ciment.core.model.Recipient;
import ciment.core.model.Refusal;
import ciment.core.port.MessageCopies;
import ciment.core.privacy.PersonalData;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.MessageReaction;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionActionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: a message is a Ciment command (the bot's @mention stripped, other people's mentions
 * resolved through the Bot Connector when a command names them), answered in the same conversation
 * through the Bot Connector at the activity's serviceUrl. The sender's email address and guest status
 * come from the Bot Connector's member lookup, asked only when Ciment meets them and on whoami.
 */
public final class CimentBot extends TeamsActivityHandler {
    /** The Bot Framework Emulator sends no tenant: its people all live in this one. */
    public static final String NO_TENANT = "no-tenant";
    private static final Logger LOG = LoggerFactory.getLogger(CimentBot.class);
    private static final Function<String, Optional<TeamsChannelAccount>> NO_MEMBERS = memberId -> Optional.empty();

    private final Ciment ciment;
    private final Clock clock;
    private final TeamsIntroduction introductions;
    private final MessagingExtension extension;
    private final SaveToCommunity saving;
    private final TeamsCopies copies;
    private final TeamsChannelMessages channelMessages;

    /** A bot of no particular organisation: guests are those Teams marks so, or from another tenant than the conversation's. */
    public CimentBot(Ciment ciment, Clock clock) {
        this(ciment, clock, Optional.empty());
    }

    /**
     * @param homeTenant the bot's organisation (MICROSOFT_APP_TENANT_ID): people of any other tenant are guests
     */
    public CimentBot(Ciment ciment, Clock clock, Optional<String> homeTenant) {
        this(ciment, null, clock, homeTenant);
    }

    /** @param people the messaging extension's people search (null: it answers that it is not available) */
    public CimentBot(Ciment ciment, PeopleSearch people, Clock clock, Optional<String> homeTenant) {
        this(ciment, people, MessageCopies.NONE, clock, homeTenant);
    }

    /**
     * @param copies where the bot keeps which of its messages shows which post, so that a reaction to the
     *               message, or a reply in its reply chain, is the post's
     */
    public CimentBot(Ciment ciment, PeopleSearch people, MessageCopies copies, Clock clock,
            Optional<String> homeTenant) {
        this.ciment = ciment;
        this.clock = clock;
        this.introductions = new TeamsIntroduction(homeTenant);
        this.extension = new MessagingExtension(ciment, Optional.ofNullable(people));
        this.saving = new SaveToCommunity(ciment);
        this.copies = new TeamsCopies(copies);
        this.channelMessages = new TeamsChannelMessages(ciment);
    }

    /**
     * A command; or, in a channel's reply chain under a copy of a post (the bot's message showing it, or
     * the message that posted it), a reply to that post's thread. The activity's id is the request's, so a
     * message delivered again never replies twice. An answer showing a post is recorded as its copy.
     */
    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        MentionText.Read message = MentionText.read(activity);
        Function<String, Optional<TeamsChannelAccount>> members = memberId -> TeamsDirectory.member(turnContext, memberId);
        TeamsDirectory directory = new TeamsDirectory(message.mentions(), tenantOf(activity), members, introductions);
        Caller caller = callerOf(activity, directory, members);
        if (caller.channel() != null && !message.toBot()) {
            // not a command: a channel message, a post when its channel is linked; a refusal told in its reply chain
            return channelMessages.message(caller, activity, message.command())
                    .map(refused -> turnContext.sendActivity(TeamsReplies.plain(refused)).thenApply(sent -> (Void) null))
                    .orElseGet(() -> CompletableFuture.completedFuture(null));
        }
        String conversationId = conversationIdOf(activity);
        boolean startsChain = TeamsCopies.rootMessageOf(conversationId).filter(id -> id.equals(activity.getId()))
                .isPresent();
        Optional<String> answered = startsChain ? Optional.empty() : copies.chainRootPost(conversationId);
        // In a post's reply chain the words are a reply to it, not a command: nothing of them is parsed.
        Reply reply = answered.isPresent()
                ? ciment.execute(caller, () -> new ConversationVerbs.ReplyTo(PostRef.parse(PostButtons.rootOf(answered.get())),
                        message.command().strip()))
                : ciment.handle(caller, message.command());
        return turnContext.sendActivity(TeamsReplies.render(reply, caller.account().workspace())).thenApply(sent -> {
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
     */
    @Override
    protected CompletableFuture<Void> onUnrecognizedActivityType(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String change = TeamsChannelMessages.eventTypeOf(activity);
        boolean edit = ActivityTypes.MESSAGE_UPDATE.equals(activity.getType()) && TeamsChannelMessages.EDIT.equals(change);
        boolean delete = ActivityTypes.MESSAGE_DELETE.equals(activity.getType())
                && TeamsChannelMessages.SOFT_DELETE.equals(change);
        if (!edit && !delete) {
            return super.onUnrecognizedActivityType(turnContext);
        }
        Function<String, Optional<TeamsChannelAccount>> members = memberId -> TeamsDirectory.member(turnContext, memberId);
        Caller caller = callerOf(activity, Directory.NONE, members);
        if (caller.channel() == null || activity.getId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (edit) {
            channelMessages.edited(caller, activity, MentionText.read(activity).command());
        } else {
            channelMessages.deleted(caller, activity);
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Teams reactions to a copy of a post (like, heart, laugh, surprised, sad, angry) count on the post, for
     * the person who reacted; a reaction to any other message, or of another kind, is no business of Ciment.
     * Nothing is sent back: a reaction has no answer.
     */
    @Override
    protected CompletableFuture<Void> onReactionsAdded(List<MessageReaction> reactions, TurnContext turnContext) {
        react(turnContext, reactions, true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onReactionsRemoved(List<MessageReaction> reactions, TurnContext turnContext) {
        react(turnContext, reactions, false);
        return CompletableFuture.completedFuture(null);
    }

    private void react(TurnContext turnContext, List<MessageReaction> reactions, boolean add) {
        Activity activity = turnContext.getActivity();
        String conversationId = conversationIdOf(activity);
        String messageId = activity.getReplyToId();
        // a copy the bot sent, or a linked channel's message that became a post (its origin)
        Optional<String> post = copies.find(conversationId, messageId).or(() -> conversationId == null
                || messageId == null ? Optional.empty()
                : ciment.postShownBy(Platform.TEAMS, TeamsCopies.channelOf(conversationId), messageId));
        if (post.isEmpty() || reactions == null) {
            return;
        }
        Function<String, Optional<TeamsChannelAccount>> members = memberId -> TeamsDirectory.member(turnContext, memberId);
        Caller caller = callerOf(activity, Directory.NONE, members);
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

    /** "Save to community" opened on a message: the dialog choosing one of my communities. */
    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionFetchTask(
            TurnContext turnContext, MessagingExtensionAction action) {
        return CompletableFuture.completedFuture(saving.fetchTask(action, searcherOf(turnContext.getActivity())));
    }

    /** "Save to community" submitted: the message becomes a post of the community chosen. */
    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionSubmitAction(
            TurnContext turnContext, MessagingExtensionAction action) {
        return CompletableFuture.completedFuture(saving.submit(action, searcherOf(turnContext.getActivity())));
    }

    private static String conversationIdOf(Activity activity) {
        return activity.getConversation() == null ? null : activity.getConversation().getId();
    }

    /**
     * A click on a card's button (Universal Actions): the same command as the words, for the person who
     * clicked; the answer is their card drawn again, or the refusal's sentence.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turnContext,
            AdaptiveCardInvokeValue invokeValue) {
        Optional<CardActions.Click> click = CardActions.read(invokeValue.getAction());
        if (click.isEmpty()) {
            return CompletableFuture.completedFuture(CardActions.message("This button is not one of Ciment's: send help"
                    + " to see what Ciment does."));
        }
        Activity activity = turnContext.getActivity();
        Function<String, Optional<TeamsChannelAccount>> members = memberId -> TeamsDirectory.member(turnContext, memberId);
        Caller caller = callerOf(activity, Directory.NONE, members);
        Reply done = ciment.execute(caller, click.get().command());
        return CompletableFuture.completedFuture(CardActions.answer(click.get(), done,
                () -> ciment.execute(caller, click.get().refresh()), caller.account().workspace()));
    }

    /** The messaging extension's search: answered from the table alone, within Teams' 5 seconds. */
    @Override
    protected CompletableFuture<MessagingExtensionResponse> onTeamsMessagingExtensionQuery(TurnContext turnContext,
            MessagingExtensionQuery query) {
        return CompletableFuture.completedFuture(extension.answer(query, searcherOf(turnContext.getActivity())));
    }

    /**
     * export-my-data's file accepted: the data is collected now, PUT to the upload URL Teams gave (in the
     * person's OneDrive), then shown in the chat as a file card. The invoke is answered 200 whatever
     * happens; the person is told when there was nothing to send or Teams did not take it.
     */
    @Override
    protected CompletableFuture<Void> onTeamsFileConsentAccept(TurnContext turnContext,
            FileConsentCardResponse response) {
        if (!TeamsDataFile.isOurs(response.getContext()) || response.getUploadInfo() == null) {
            return turnContext.sendActivity(MessageFactory.text("This file is not one of Ciment's.")).thenApply(sent -> null);
        }
        Optional<PersonalData> data = ciment.personalData(callerOf(turnContext.getActivity()).account());
        if (data.isEmpty()) {
            return turnContext.sendActivity(MessageFactory.text(TeamsDataFile.NOTHING_HELD)).thenApply(sent -> null);
        }
        try {
            TeamsDataFile.upload(response.getUploadInfo().getUploadUrl(), TeamsDataFile.render(data.get(), clock.instant()));
        } catch (IOException | IllegalArgumentException failed) {
            LOG.warn("Upload of a data file for activity {} failed: {}", turnContext.getActivity().getId(), failed.toString());
            return turnContext.sendActivity(MessageFactory.text(TeamsDataFile.NOT_TAKEN)).thenApply(sent -> null);
        }
        return turnContext.sendActivity(MessageFactory.attachment(TeamsDataFile.infoCard(response.getUploadInfo())))
                .thenApply(sent -> null);
    }

    /** export-my-data's file declined: nothing is sent, and the person is told so. */
    @Override
    protected CompletableFuture<Void> onTeamsFileConsentDecline(TurnContext turnContext,
            FileConsentCardResponse response) {
        return turnContext.sendActivity(MessageFactory.text(TeamsDataFile.DECLINED)).thenApply(sent -> null);
    }

    /**
     * The person searching, as Ciment already knows them: meeting someone new needs the Bot Connector's
     * member lookup (guest or not), which has no place in a 5-second search, so a stranger is told to say
     * hello to the bot first.
     */
    Caller searcherOf(Activity activity) {
        Caller caller = callerOf(activity);
        return new Caller(caller.account(), () -> {
            throw new Refusal("Ciment has not met you yet: send help to the Ciment bot first, then search again.");
        }, caller.requestId(), caller.at(), Directory.NONE, caller.replyTo());
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

    /** The sender, introduced by their name alone (no Bot Connector to ask). */
    Caller callerOf(Activity activity) {
        return callerOf(activity, Directory.NONE, NO_MEMBERS);
    }

    /**
     * The sender: their AAD object id (the Teams user id when there is none) in the conversation's tenant.
     *
     * @param members the Bot Connector's member lookup, asked (once) only if Ciment asks who the sender is
     */
    Caller callerOf(Activity activity, Directory directory, Function<String, Optional<TeamsChannelAccount>> members) {
        ChannelAccount from = activity.getFrom();
        String userId = from == null ? null : firstText(from.getAadObjectId(), from.getId());
        if (userId == null) {
            throw new IllegalArgumentException("the activity names no sender (from.id)");
        }
        String tenant = tenantOf(activity);
        ChatAccount account = new ChatAccount(Platform.TEAMS, tenant, userId);
        Supplier<Introduction> introduction = once(() -> introduce(activity, tenant, members));
        return new Caller(account, introduction, requestIdOf(activity), timeOf(activity), directory,
                replyTo(account, activity), TeamsChannelMessages.channelOf(activity, tenant));
    }

    /**
     * Where a later answer goes: the conversation the command came from (a personal chat, a group chat, or
     * the channel thread it was sent in), through the Bot Connector that brought it.
     */
    private static Recipient replyTo(ChatAccount sender, Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String conversationId = conversation == null ? null : firstText(conversation.getId(), null);
        return new Recipient(sender, conversationId, firstText(activity.getServiceUrl(), null));
    }

    /**
     * The sender as the member lookup describes them. Only Teams has that lookup (not the Emulator, whose
     * senders are met by name); when it fails, the command is refused and nothing is written.
     */
    private Introduction introduce(Activity activity, String tenant, Function<String, Optional<TeamsChannelAccount>> members) {
        ChannelAccount from = activity.getFrom();
        String name = from.getName();
        if (!"msteams".equals(activity.getChannelId()) || from.getId() == null || from.getId().isBlank()) {
            return introductions.withoutLookup(name, tenant);
        }
        try {
            return members.apply(from.getId())
                    .map(member -> introductions.of(name, member, tenant))
                    .orElseGet(() -> introductions.withoutLookup(name, tenant));
        } catch (RuntimeException failed) {
            // Meeting a guest as an employee would show them every community: refuse rather than guess.
            LOG.warn("Member lookup of the sender of activity {} failed: {}", activity.getId(), failed.toString());
            throw new Refusal("Ciment could not check who you are with Teams just now: send the message again in a"
                    + " moment.");
        }
    }

    /** Asks at most once, however often Ciment calls it in one command (first contact, then whoami). */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean asked;

            @Override
            public T get() {
                if (!asked) {
                    value = supplier.get();
                    asked = true;
                }
                return value;
            }
        };
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
