package ciment.slack;

import ciment.core.reply.Reply;
import ciment.core.service.Caller;
import ciment.core.service.Ciment;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import java.math.BigDecimal;
import java.time.Instant;
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
final class ConversationEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEvents.class);

    private final Supplier<Ciment> ciment;
    private final SlackCallers callers;
    /** A Web API client with the bot token and a short call timeout; null without a token (nothing is read). */
    private final MethodsClient slack;

    ConversationEvents(Supplier<Ciment> ciment, SlackCallers callers, MethodsClient slack) {
        this.ciment = ciment;
        this.callers = callers;
        this.slack = slack;
    }

    Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext context) {
        ReactionAddedEvent event = payload.getEvent();
        if (event != null && event.getItem() != null) {
            react(payload, context, "react", event.getUser(), event.getReaction(), event.getItemUser(),
                    event.getItem().getChannel(), event.getItem().getTs());
        }
        return context.ack();
    }

    Response reactionRemoved(EventsApiPayload<ReactionRemovedEvent> payload, EventContext context) {
        ReactionRemovedEvent event = payload.getEvent();
        if (event != null && event.getItem() != null) {
            react(payload, context, "unreact", event.getUser(), event.getReaction(), event.getItemUser(),
                    event.getItem().getChannel(), event.getItem().getTs());
        }
        return context.ack();
    }

    private void react(EventsApiPayload<?> payload, EventContext context, String verb, String userId, String reaction,
            String itemUser, String channel, String ts) {
        String bot = context.getBotUserId();
        // Only Ciment's messages carry a post: another's message is not even read.
        if (userId == null || (bot != null && (bot.equals(userId) || (itemUser != null && !bot.equals(itemUser))))) {
            return;
        }
        Optional<String> post = CimentMessages.postOf(slack, channel, ts);
        if (post.isEmpty()) {
            return;
        }
        Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), userId, null,
                payload.getEventId(), callers.at(payload.getEventTime()), channel);
        run(caller, verb + " " + post.get() + " " + emoji(reaction));
    }

    /** A reply in the thread of one of Ciment's messages about a post: a reply to that post's thread. */
    Response message(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        if (event == null || event.getSubtype() != null || event.getBotId() != null || event.getUser() == null
                || event.getThreadTs() == null || event.getThreadTs().equals(event.getTs())
                || event.getText() == null || event.getText().isBlank() || event.getUser().equals(context.getBotUserId())) {
            return context.ack();
        }
        String bot = context.getBotUserId();
        if (event.getParentUserId() != null && bot != null && !bot.equals(event.getParentUserId())) {
            return context.ack();
        }
        Optional<String> post = CimentMessages.postOf(slack, event.getChannel(), event.getThreadTs());
        if (post.isPresent()) {
            // The message's ts names the reply: a retried event (same ts) finds the same reply, never a second.
            Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), event.getUser(), null,
                    event.getTs(), instantOf(event.getTs()).orElseGet(() -> callers.at(payload.getEventTime())),
                    event.getChannel());
            Reply answer = run(caller, "reply " + PostMenu.rootOf(post.get()) + " " + Mrkdwn.typed(event.getText()));
            if (answer instanceof Reply.Refused refused) {
                tell(event, refused.summary());
            }
        }
        return context.ack();
    }

    private Reply run(Caller caller, String words) {
        try {
            Reply answer = ciment.get().handle(caller, words);
            if (answer instanceof Reply.Refused refused) {
                LOG.info("{} by {} refused: {}", words.split(" ", 2)[0], caller.account().userId(), refused.summary());
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.error("{} by {} failed", words.split(" ", 2)[0], caller.account().userId(), e);
            return null;
        }
    }

    /** Says a refused reply to its writer alone, in the thread where they wrote it. */
    private void tell(MessageEvent event, String sentence) {
        try {
            var told = slack.chatPostEphemeral(r -> r.channel(event.getChannel()).user(event.getUser())
                    .threadTs(event.getThreadTs()).text(Mrkdwn.escape("Not saved in Ciment: " + sentence)));
            if (!told.isOk()) {
                LOG.info("chat.postEphemeral answered {}", told.getError());
            }
        } catch (Exception e) {
            LOG.warn("telling {} their reply was refused failed ({})", event.getUser(), e.toString());
        }
    }

    /**
     * Ciment's name for a Slack emoji: Slack's own aliases for 👍 and 👎 ("+1", "-1") by their usual names,
     * and without a skin tone ("wave::skin-tone-3" counts as "wave").
     */
    static String emoji(String reaction) {
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
