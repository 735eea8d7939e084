package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.Command;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Platform;
import ciment.core.model.PostRef;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.slack.outbound.BotClient;
import ciment.slack.outbound.CimentMessages;
import ciment.slack.render.Mrkdwn;
import ciment.slack.render.PostMenu;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do to Ciment's messages about a post, as the Events API tells it: a reaction added or
 * removed counts on the post, a reply in the message's thread becomes a reply to the post. Messages
 * without Ciment's metadata, and the bot's own doings, are let be (nothing read, nothing written). All the
 * work is done before the acknowledgement (Bolt acks when the handler returns).
 */
public final class ConversationEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEvents.class);
    /** What Slack leaves in place of a deleted message that has replies. */
    private static final String TOMBSTONE = "tombstone";

    private final Supplier<Ciment> ciment;
    private final SlackCallers callers;
    /** A Web API client with the bot token and a short call timeout; null without a token (nothing is read). */
    private final BotClient web;

    ConversationEvents(Supplier<Ciment> ciment, SlackCallers callers, BotClient web) {
        this.ciment = ciment;
        this.callers = callers;
        this.web = web;
    }

    Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext context) {
        ReactionAddedEvent event = payload.getEvent();
        if (event != null && event.getItem() != null) {
            react(payload, context, true, event.getUser(), event.getReaction(), event.getItemUser(),
                    event.getItem().getChannel(), event.getItem().getTs());
        }
        return context.ack();
    }

    Response reactionRemoved(EventsApiPayload<ReactionRemovedEvent> payload, EventContext context) {
        ReactionRemovedEvent event = payload.getEvent();
        if (event != null && event.getItem() != null) {
            react(payload, context, false, event.getUser(), event.getReaction(), event.getItemUser(),
                    event.getItem().getChannel(), event.getItem().getTs());
        }
        return context.ack();
    }

    private void react(EventsApiPayload<?> payload, EventContext context, boolean add, String userId, String reaction,
            String itemUser, String channel, String ts) {
        String bot = context.getBotUserId();
        if (userId == null || (bot != null && bot.equals(userId))) {
            return;
        }
        // A linked channel's message that became a post, or a copy of a post: known from the store alone.
        Optional<String> post = shownBy(channel, ts);
        if (post.isEmpty() && (bot == null || itemUser == null || bot.equals(itemUser))) {
            // Only Ciment's messages carry a post in their metadata: another's message is not even read.
            post = CimentMessages.postOf(web.get(), channel, ts);
        }
        if (post.isEmpty()) {
            return;
        }
        Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), userId, null,
                payload.getEventId(), callers.at(payload.getEventTime()), channel);
        String shown = post.get();
        run(caller, add ? "react" : "unreact", () -> new ConversationVerbs.React(PostRef.parse(shown), emoji(reaction), add));
    }

    private Optional<String> shownBy(String channel, String ts) {
        if (channel == null || ts == null) {
            return Optional.empty();
        }
        try {
            return ciment.get().postShownBy(Platform.SLACK, channel, ts);
        } catch (RuntimeException e) {
            LOG.error("finding the post shown by {} in {} failed", ts, channel, e);
            return Optional.empty();
        }
    }

    /**
     * A person's message in a channel the bot is in: in a linked channel it becomes a post (or, in the thread of
     * one, a reply); elsewhere a reply in the thread of one of Ciment's messages about a post is a reply to that
     * post. Ciment's own messages (its bot, or its metadata) are never taken in: no loops.
     */
    Response message(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        if (event == null || event.getSubtype() != null || event.getBotId() != null
                || CimentMessages.EVENT_TYPE.equals(event.getMetadata() == null ? null : event.getMetadata().getEventType())
                || event.getText() == null) {
            return context.ack();
        }
        return written(payload, context, new Written(event.getUser(), event.getChannel(), event.getTs(),
                event.getThreadTs(), event.getParentUserId(), Mrkdwn.typed(event.getText())));
    }

    /** A thread reply also sent to the channel ("Also send to #channel"): a reply, as any in its thread, not a post. */
    Response threadBroadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext context) {
        MessageThreadBroadcastEvent event = payload.getEvent();
        if (event == null || event.getText() == null) {
            return context.ack();
        }
        return written(payload, context, new Written(event.getUser(), event.getChannel(), event.getTs(),
                event.getThreadTs(), event.getRoot() == null ? null : event.getRoot().getUser(),
                Mrkdwn.typed(event.getText())));
    }

    /** A message with files: its text, then each file's name and link (the files stay in Slack). */
    Response fileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext context) {
        MessageFileShareEvent event = payload.getEvent();
        if (event == null) {
            return context.ack();
        }
        StringBuilder text = new StringBuilder(event.getText() == null ? "" : Mrkdwn.typed(event.getText()));
        for (File file : event.getFiles() == null ? List.<File>of() : event.getFiles()) {
            String name = file.getName() != null ? file.getName() : file.getTitle();
            String link = file.getPermalink() != null ? file.getPermalink() : file.getUrlPrivate();
            if (name == null && link == null) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(name == null ? "" : name)
                    .append(name != null && link != null ? " " : "").append(link == null ? "" : link);
        }
        return written(payload, context, new Written(event.getUser(), event.getChannel(), event.getTs(),
                event.getThreadTs(), event.getParentUserId(), text.toString()));
    }

    /** What a person wrote in a channel, whatever the event that told it; its text as typed (mrkdwn read). */
    private record Written(String user, String channel, String ts, String threadTs, String parentUser, String text) {
    }

    private Response written(EventsApiPayload<?> payload, EventContext context, Written event) {
        if (event.user() == null || event.text().isBlank() || event.user().equals(context.getBotUserId())) {
            return context.ack();
        }
        // The message's ts names the post: a retried event (same ts) finds the same post, never a second.
        Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), event.user(), null,
                event.ts(), instantOf(event.ts()).orElseGet(() -> callers.at(payload.getEventTime())),
                event.channel());
        boolean inThread = event.threadTs() != null && !event.threadTs().equals(event.ts());
        Optional<Reply> taken = intake(() -> ciment.get().channelMessage(caller, event.ts(),
                inThread ? event.threadTs() : null, event.text()));
        if (taken.isPresent()) {
            if (taken.get() instanceof Reply.Refused refused) {
                tell(event.channel(), event.user(), inThread ? event.threadTs() : event.ts(), refused.message(),
                        callers.words(ciment, caller));
            }
            return context.ack();
        }
        if (!inThread) {
            return context.ack();
        }
        String bot = context.getBotUserId();
        if (event.parentUser() != null && bot != null && !bot.equals(event.parentUser())) {
            return context.ack();
        }
        Optional<String> post = CimentMessages.postOf(web.get(), event.channel(), event.threadTs());
        if (post.isPresent()) {
            String root = PostMenu.rootOf(post.get());
            Answer answer = run(caller, "reply", () -> new ConversationVerbs.ReplyTo(PostRef.parse(root),
                    event.text().strip()));
            if (answer != null && answer.reply() instanceof Reply.Refused refused) {
                tell(event.channel(), event.user(), event.threadTs(), refused.message(), answer.words());
            }
        }
        return context.ack();
    }

    /**
     * A person edited their message: in a linked channel, its post follows. A first message deleted while it had
     * replies comes as a change too, into Slack's tombstone: its post is removed, as for a deletion.
     */
    Response messageChanged(EventsApiPayload<MessageChangedEvent> payload, EventContext context) {
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message message = event == null ? null : event.getMessage();
        if (message != null && TOMBSTONE.equals(message.getSubtype())) {
            return tombstoned(payload, context);
        }
        if (message == null || message.getUser() == null || message.getBotId() != null || message.getTs() == null
                || message.getUser().equals(context.getBotUserId()) || sameText(event)) {
            return context.ack();
        }
        Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), message.getUser(), null,
                payload.getEventId(), callers.at(payload.getEventTime()), event.getChannel());
        Optional<Reply> taken = intake(() -> ciment.get().channelEdit(caller, message.getTs(),
                Mrkdwn.typed(message.getText())));
        if (taken.isPresent() && taken.get() instanceof Reply.Refused refused) {
            tell(event.getChannel(), message.getUser(), message.getThreadTs() != null ? message.getThreadTs()
                    : message.getTs(), refused.message(), callers.words(ciment, caller));
        }
        return context.ack();
    }

    private Response tombstoned(EventsApiPayload<MessageChangedEvent> payload, EventContext context) {
        MessageChangedEvent event = payload.getEvent();
        var previous = event.getPreviousMessage() == null ? null : event.getPreviousMessage().getMessage();
        if (previous == null || previous.getUser() == null || previous.getBotId() != null || previous.getTs() == null
                || previous.getUser().equals(context.getBotUserId())) {
            return context.ack();
        }
        takeDeletion(payload, event.getChannel(), previous.getUser(), previous.getTs());
        return context.ack();
    }

    /** Slack also says a message changed when only its unfurls or thread counts did: no edit, nothing to follow. */
    private static boolean sameText(MessageChangedEvent event) {
        return event.getPreviousMessage() != null && event.getPreviousMessage().getMessage() != null
                && java.util.Objects.equals(event.getPreviousMessage().getMessage().getText(), event.getMessage().getText());
    }

    /** A message was deleted: in a linked channel, its post shows as removed. */
    Response messageDeleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext context) {
        MessageDeletedEvent event = payload.getEvent();
        var previous = event == null ? null : event.getPreviousMessage();
        if (previous == null || previous.getUser() == null || previous.getBotId() != null
                || event.getDeletedTs() == null || previous.getUser().equals(context.getBotUserId())) {
            return context.ack();
        }
        takeDeletion(payload, event.getChannel(), previous.getUser(), event.getDeletedTs());
        return context.ack();
    }

    /** The message {@code ts} its author deleted: its post, if it became one, is removed. */
    private void takeDeletion(EventsApiPayload<?> payload, String channel, String author, String ts) {
        Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), author, null,
                payload.getEventId(), callers.at(payload.getEventTime()), channel);
        Optional<Reply> taken = intake(() -> ciment.get().channelDelete(caller, ts));
        if (taken.isPresent() && taken.get() instanceof Reply.Refused refused) {
            LOG.info("deletion of {} in {} refused: {}", ts, channel, refused.summary());
        }
    }

    private Optional<Reply> intake(Supplier<Optional<Reply>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            LOG.error("a linked channel's message could not be taken in", e);
            return Optional.empty();
        }
    }

    private Answer run(Caller caller, String verb, Supplier<Command> command) {
        try {
            Answer answer = ciment.get().answer(caller, command);
            if (answer.reply() instanceof Reply.Refused refused) {
                LOG.info("{} by {} refused: {}", verb, caller.account().userId(), refused.summary());
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.error("{} by {} failed", verb, caller.account().userId(), e);
            return null;
        }
    }

    /** Says a refusal to the message's writer alone, in the thread where they wrote, in their language. */
    private void tell(String channel, String user, String threadTs, Message why, Catalogue words) {
        try {
            var told = web.get().chatPostEphemeral(r -> r.channel(channel).user(user)
                    .threadTs(threadTs).text(Mrkdwn.escape(words.say("slack.notSaved", why))));
            if (!told.isOk()) {
                LOG.info("chat.postEphemeral answered {}", told.getError());
            }
        } catch (Exception e) {
            LOG.warn("telling {} their message was refused failed ({})", user, e.toString());
        }
    }

    /**
     * Ciment's name for a Slack emoji: Slack's own aliases for 👍 and 👎 ("+1", "-1") by their usual names,
     * and without a skin tone ("wave::skin-tone-3" counts as "wave").
     */
    public static String emoji(String reaction) {
        String name = reaction == null ? "" : reaction.strip().toLowerCase(Locale.ROOT);
        int tone = name.indexOf("::");
        if (tone >= 0) {
            name = name.substring(0, tone);
        }
        return switch (name) {
            case "+1" -> "thumbsup";
            case "-1" -> "thumbsdown";
            default -> name;
        };
    }

    /** A Slack ts ("1700000001.000100"): seconds and microseconds. */
    static Optional<Instant> instantOf(String ts) {
        try {
            BigDecimal seconds = new BigDecimal(ts);
            long whole = seconds.longValue();
            long micros = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
            return Optional.of(Instant.ofEpochSecond(whole, micros * 1000));
        } catch (RuntimeException notATs) {
            return Optional.empty();
        }
    }
}
