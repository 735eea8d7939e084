package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The dead-letter queue on moto's SQS, through the same client settings as the functions' other clients. */
class SqsDeadLettersTest {
    private final Settings settings = Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(),
            "AWS_REGION", "us-east-1"));
    private final AtomicInteger sends = new AtomicInteger();

    private List<String> bodiesIn(String queueUrl) {
        try (SqsClient sqs = SqsDeadLetters.client(settings)) {
            return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages().stream()
                    .map(Message::body).toList();
        }
    }

    @Test
    void send_putsTheMessageInTheNamedQueue_andCountsIt() {
        String url = SqsDeadLetters.createQueue(settings, "dead-letters-" + UUID.randomUUID());
        SqsDeadLetters queue = SqsDeadLetters.fromSettings(settings.with(SqsDeadLetters.QUEUE_URL, url),
                sends::incrementAndGet).orElseThrow();

        queue.send("{\"reason\":\"the post item cannot be read\"}");

        assertEquals(List.of("{\"reason\":\"the post item cannot be read\"}"), bodiesIn(url));
        assertEquals(1, sends.get());
    }

    @Test
    void send_toAQueueThatDoesNotExist_throws_andCountsNothing() {
        String gone = SqsDeadLetters.createQueue(settings, "dead-letters-" + UUID.randomUUID());
        try (SqsClient sqs = SqsDeadLetters.client(settings)) {
            sqs.deleteQueue(b -> b.queueUrl(gone));
        }
        SqsDeadLetters queue = new SqsDeadLetters(settings, gone, sends::incrementAndGet);

        assertThrows(SqsException.class, () -> queue.send("{}"));
        assertEquals(0, sends.get());
    }

    @Test
    void settingsWithoutAQueueUrl_nameNoQueue() {
        assertTrue(SqsDeadLetters.fromSettings(settings, () -> { }).isEmpty());
    }

    @Test
    void createQueue_twiceWithOneName_givesTheSameQueue() {
        String name = "dead-letters-" + UUID.randomUUID();

        assertEquals(SqsDeadLetters.createQueue(settings, name), SqsDeadLetters.createQueue(settings, name));
    }
}
