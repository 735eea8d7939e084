package ciment.delivery;

import ciment.core.config.Settings;
import ciment.core.json.JsonText;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a delivery function puts a record it gives up for good, with why: an item that cannot be read (a
 * poison record), or a chat tool that refused for good. Retrying those could only fail again, so the record
 * is then reported as handled. Throwing means "not kept": the record is reported failed and Lambda retries it
 * (then the event source mapping's own on-failure destination takes it).
 */
@FunctionalInterface
public interface DeadLetters {
    /** No queue (tests, a runner without one): the record is logged as given up, and counts as kept. */
    DeadLetters LOG_ONLY = (reason, record) -> LoggerFactory.getLogger(DeadLetters.class)
            .error("record {} given up ({}), no dead-letter queue to keep it: {}", record.sequenceNumber(), reason,
                    record.keys());

    void send(String reason, Summary record) throws Exception;

    /** A queue that takes a message's body. */
    @FunctionalInterface
    interface Queue {
        void send(String body) throws Exception;
    }

    /** Dead letters as JSON messages into this queue, naming the function that gave the record up. */
    static DeadLetters into(String function, Queue queue) {
        Logger log = LoggerFactory.getLogger(DeadLetters.class);
        return (reason, record) -> {
            queue.send(record.json(function, reason));
            log.warn("record {} given up into the dead-letter queue: {}", record.sequenceNumber(), reason);
        };
    }

    /**
     * Dead letters into {@code queue} (infra's SqsDeadLetters: the queue CIMENT_DEAD_LETTER_QUEUE_URL names,
     * template.yaml's DeliveryDeadLetters), for the function Lambda names (AWS_LAMBDA_FUNCTION_NAME, else
     * {@code defaultName}); {@link #LOG_ONLY} when there is no queue.
     */
    public static DeadLetters fromSettings(Settings settings, String defaultName,
            Optional<? extends Consumer<String>> queue) {
        String function = settings.get("AWS_LAMBDA_FUNCTION_NAME", defaultName);
        return queue.<DeadLetters>map(sending -> into(function, sending::accept)).orElse(LOG_ONLY);
    }

    /** What says which record it was: enough to find its item in the table and its place in the stream. */
    record Summary(String eventName, Map<String, String> keys, String sequenceNumber,
            Instant approximateCreationDateTime) {

        static Summary of(DynamodbStreamRecord record) {
            var change = record.getDynamodb();
            Map<String, String> keys = new TreeMap<>();
            if (change != null && change.getKeys() != null) {
                change.getKeys().forEach((name, value) -> keys.put(name, text(value)));
            }
            Date created = change == null ? null : change.getApproximateCreationDateTime();
            return new Summary(record.getEventName(), keys, change == null ? null : change.getSequenceNumber(),
                    created == null ? null : created.toInstant());
        }

        private static String text(AttributeValue value) {
            return value.getS() != null ? value.getS() : value.getN() != null ? value.getN() : String.valueOf(value);
        }

        /** {function, reason, eventName, keys, sequenceNumber, approximateCreationDateTime}, as the queue keeps it. */
        String json(String function, String reason) {
            StringBuilder keysJson = new StringBuilder("{");
            keys.forEach((name, value) -> keysJson.append(keysJson.length() > 1 ? "," : "")
                    .append(quoted(name)).append(':').append(quoted(value)));
            keysJson.append('}');
            return "{\"function\":" + quoted(function) + ",\"reason\":" + quoted(reason)
                    + ",\"eventName\":" + quoted(eventName) + ",\"keys\":" + keysJson
                    + ",\"sequenceNumber\":" + quoted(sequenceNumber) + ",\"approximateCreationDateTime\":"
                    + quoted(approximateCreationDateTime == null ? null : approximateCreationDateTime.toString()) + "}";
        }

        private static String quoted(String text) {
            if (text == null) {
                return "null";
            }
            return JsonText.quoted(text);
        }
    }
}
