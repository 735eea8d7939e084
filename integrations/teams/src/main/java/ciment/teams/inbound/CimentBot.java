package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.model.Caller;
import ciment.core.reply.Answer;
import ciment.teams.outbound.TeamsCopies;
import ciment.teams.render.CardActions;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.MessageReaction;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionActionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.TeamInfo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Teams bot: each kind of activity goes to what handles it. Messages are commands, replies in a post's
 * reply chain or a linked channel's posts ({@link TeamsMessages}); reactions count on posts
 * ({@link TeamsReactions}); a card's button runs the same command as the words ({@link CardActions}); the
 * messaging extension searches ({@link MessagingExtension}) and saves a message ({@link SaveToCommunity});
 * export-my-data's file is sent once accepted ({@link FileConsent}); installed, it introduces itself
 * ({@link TeamsInstalls}). Who sent an activity: {@link TeamsCallers}.
 */
public final class CimentBot extends TeamsActivityHandler {
    /** The Bot Framework Emulator sends no tenant: its people all live in this one. */
    public static final String NO_TENANT = "no-tenant";

    private final Ciment ciment;
    private final TeamsCallers callers;
    private final TeamsMessages messages;
    private final TeamsReactions reactions;
    private final MessagingExtension extension;
    private final SaveToCommunity saving;
    private final FileConsent fileConsent;
    private final TeamsInstalls installs;

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
        this(ciment, people, TeamsCopies.NONE, clock, homeTenant);
    }

    /**
     * @param copies where the bot keeps which of its messages shows which post, so that a reaction to the
     *               message, or a reply in its reply chain, is the post's
     */
    public CimentBot(Ciment ciment, PeopleSearch people, TeamsCopies copies, Clock clock,
            Optional<String> homeTenant) {
        TeamsIntroduction introductions = new TeamsIntroduction(homeTenant);
        this.ciment = ciment;
        this.callers = new TeamsCallers(introductions, clock);
        this.messages = new TeamsMessages(ciment, callers, introductions, copies);
        this.reactions = new TeamsReactions(ciment, callers, copies);
        this.extension = new MessagingExtension(ciment, Optional.ofNullable(people));
        this.saving = new SaveToCommunity(ciment);
        this.fileConsent = new FileConsent(ciment, callers, clock);
        this.installs = new TeamsInstalls(ciment, callers);
    }

    /** Ciment installed in a team, a group chat or a personal chat: it introduces itself there, once. */
    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turnContext) {
        installs.installed(turnContext);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Members added to a conversation: when the bot is one of them, it introduces itself (once with the
     * installation's event). The SDK's own dispatch would ask the Bot Connector about each member first.
     */
    @Override
    protected CompletableFuture<Void> onTeamsMembersAddedDispatch(List<ChannelAccount> membersAdded, TeamInfo teamInfo,
            TurnContext turnContext) {
        installs.membersAdded(membersAdded, turnContext);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        return messages.message(turnContext);
    }

    /** messageUpdate and messageDelete, which this SDK's handler does not know: a channel message changed. */
    @Override
    protected CompletableFuture<Void> onUnrecognizedActivityType(TurnContext turnContext) {
        return messages.changed(turnContext) ? CompletableFuture.completedFuture(null)
                : super.onUnrecognizedActivityType(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onReactionsAdded(List<MessageReaction> added, TurnContext turnContext) {
        reactions.react(turnContext, added, true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onReactionsRemoved(List<MessageReaction> removed, TurnContext turnContext) {
        reactions.react(turnContext, removed, false);
        return CompletableFuture.completedFuture(null);
    }

    /** "Save to community" opened on a message: the dialog choosing one of my communities. */
    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionFetchTask(
            TurnContext turnContext, MessagingExtensionAction action) {
        return CompletableFuture.completedFuture(saving.fetchTask(action, callers.searcher(turnContext.getActivity())));
    }

    /** "Save to community" submitted: the message becomes a post of the community chosen. */
    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionSubmitAction(
            TurnContext turnContext, MessagingExtensionAction action) {
        return CompletableFuture.completedFuture(saving.submit(action, callers.searcher(turnContext.getActivity())));
    }

    /**
     * A click on a card's button (Universal Actions): the same command as the words, for the person who
     * clicked; the answer is their card drawn again, or the refusal's sentence.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turnContext,
            AdaptiveCardInvokeValue invokeValue) {
        Optional<CardActions.Click> click = CardActions.read(invokeValue.getAction());
        Caller caller = callers.caller(turnContext);
        if (click.isEmpty()) {
            return CompletableFuture.completedFuture(CardActions.message(ciment.words(caller).say("teams.click.unknown")));
        }
        Answer done = ciment.answer(caller, click.get().command());
        return CompletableFuture.completedFuture(CardActions.answer(click.get(), done.reply(),
                () -> ciment.execute(caller, click.get().refresh()), caller.account().workspace(), done.words()));
    }

    /** The messaging extension's search: answered from the table alone, within Teams' 5 seconds. */
    @Override
    protected CompletableFuture<MessagingExtensionResponse> onTeamsMessagingExtensionQuery(TurnContext turnContext,
            MessagingExtensionQuery query) {
        return CompletableFuture.completedFuture(extension.answer(query, callers.searcher(turnContext.getActivity())));
    }

    @Override
    protected CompletableFuture<Void> onTeamsFileConsentAccept(TurnContext turnContext,
            FileConsentCardResponse response) {
        return fileConsent.accepted(turnContext, response);
    }

    @Override
    protected CompletableFuture<Void> onTeamsFileConsentDecline(TurnContext turnContext,
            FileConsentCardResponse response) {
        return fileConsent.declined(turnContext);
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
}
