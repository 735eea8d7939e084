package ciment.infra.aws;

import ciment.core.config.Settings;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The delivery functions' dead-letter queue (template.yaml's DeliveryDeadLetters, named by
 * CIMENT_DEAD_LETTER_QUEUE_URL): each message is a record given up, with why. Rarely used, so its SQS client
 * is made at the first send and kept for the container's life. {@code onSend} is told of each message the
 * queue took (for metering).
 */
public final class SqsDeadLetters implements Consumer<String> {
    public static final String QUEUE_URL = "CIMENT_DEAD_LETTER_QUEUE_URL";

    private final Settings settings;
    private final String queueUrl;
    private final Runnable onSend;
    private SqsClient sqs;

    public SqsDeadLetters(Settings settings, String queueUrl, Runnable onSend) {
        this.settings = settings;
        this.queueUrl = queueUrl;
        this.onSend = onSend;
    }

    /** The queue the settings name; empty when they name none. */
    public static Optional<SqsDeadLetters> fromSettings(Settings settings, Runnable onSend) {
        return settings.get(QUEUE_URL).map(url -> new SqsDeadLetters(settings, url, onSend));
    }

    /** Puts one message in the queue; throws when the queue did not take it. */
    public void send(String body) {
        client().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        onSend.run();
    }

    /** As {@link #send}: the queue as the delivery functions' dead letters take it. */
    @Override
    public void accept(String body) {
        send(body);
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Creates the queue (or finds it, made before) and gives its URL: for the local runner and tests, on an emulator. */
    public static String createQueue(Settings settings, String name) {
        try (SqsClient sqs = client(settings)) {
            return sqs.createQueue(b -> b.queueName(name)).queueUrl();
        }
    }

    /** An SQS client as the functions' other AWS clients are made (AWS_ENDPOINT_URL's override included). */
    public static SqsClient client(Settings settings) {
        return AwsClients.configure(SqsClient.builder(), settings).build();
    }

    private synchronized SqsClient client() {
        if (sqs == null) {
            sqs = client(settings);
        }
        return sqs;
    }
}
