package ciment.slack.outbound;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ciment's own messages about a post carry Slack message metadata naming it:
 * {@code {"event_type":"ciment_post","event_payload":{"post":"#REF"}}}. Events about a message (a reaction,
 * a reply in its thread) give only its channel and ts, so the message is read back (conversations.history,
 * or conversations.replies for one inside a thread) to find the post it is about.
 */
public final class CimentMessages {
    private static final Logger LOG = LoggerFactory.getLogger(CimentMessages.class);
    public static final String EVENT_TYPE = "ciment_post";
    static final String POST = "post";
    private static final Pattern REFERENCE = Pattern.compile("#[0-9A-Z]{26}(/[0-9A-Z]{26})?");

    private CimentMessages() {
    }

    /** The metadata of a message about {@code reference}. */
    static Message.Metadata about(String reference) {
        return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of(POST, reference)).build();
    }

    /** The post the message at {@code ts} is about, or empty when it is not one of Ciment's (or cannot be read). */
    public static Optional<String> postOf(MethodsClient client, String channel, String ts) {
        if (client == null || channel == null || ts == null) {
            return Optional.empty();
        }
        try {
            ConversationsHistoryResponse history = client.conversationsHistory(r -> r.channel(channel).latest(ts)
                    .oldest(ts).inclusive(true).limit(1).includeAllMetadata(true));
            if (!history.isOk()) {
                LOG.info("conversations.history in {} answered {}", channel, history.getError());
                return Optional.empty();
            }
            Optional<Message> found = at(history.getMessages(), ts);
            if (found.isEmpty()) {
                // Not at the top of the conversation: a message inside a thread.
                ConversationsRepliesResponse replies = client.conversationsReplies(r -> r.channel(channel).ts(ts)
                        .latest(ts).oldest(ts).inclusive(true).limit(2).includeAllMetadata(true));
                if (!replies.isOk()) {
                    LOG.info("conversations.replies in {} answered {}", channel, replies.getError());
                    return Optional.empty();
                }
                found = at(replies.getMessages(), ts);
            }
            return found.flatMap(CimentMessages::postOf);
        } catch (Exception e) {
            LOG.warn("reading message {} in {} failed ({})", ts, channel, e.toString());
            return Optional.empty();
        }
    }

    public static Optional<String> postOf(Message message) {
        Message.Metadata metadata = message.getMetadata();
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return Optional.empty();
        }
        Object post = metadata.getEventPayload().get(POST);
        return post instanceof String reference && REFERENCE.matcher(reference).matches()
                ? Optional.of(reference) : Optional.empty();
    }

    private static Optional<Message> at(List<Message> messages, String ts) {
        return messages == null ? Optional.empty() : messages.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    }
}
