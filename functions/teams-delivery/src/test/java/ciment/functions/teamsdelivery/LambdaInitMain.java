package ciment.functions.teamsdelivery;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Started in a process of its own by {@link ShadedJarIT}, on the shaded jar: makes the function as Lambda
 * does (the public no-arg constructor, settings from the environment), writes a direct notice into the
 * outbox (to the tenant, AAD object id and through the serviceUrl given as arguments), hands the function its stream record (built from the item,
 * as the stream shows an INSERT) and prints how many records failed.
 */
public final class LambdaInitMain {
    public static void main(String[] args) {
        TeamsDeliveryFunction function = new TeamsDeliveryFunction();
        Settings settings = Settings.fromEnvironment();
        String id = "01INIT" + System.nanoTime();
        Outbox.fromSettings(settings).send(new Notice(id, Recipient.direct(
                new ChatAccount(Platform.TEAMS, args[0], args[1]), args[2]), "From the jar alone.", Instant.now()));
        StreamsEventResponse response = function.handleRequest(event(settings, id), null);
        System.out.println("failures=" + response.getBatchItemFailures().size());
        // The Bot Connector client's OkHttp threads would keep the JVM up for their minute of keep-alive.
        System.exit(0);
    }

    private static DynamodbEvent event(Settings settings, String id) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        try (DynamoDbClient dynamo = DynamoClients.create(settings)) {
            dynamo.getItem(b -> b.tableName(settings.table()).consistentRead(true).key(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUT#" + id),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUT"))))
                    .item().forEach((name, value) -> image.put(name, value.s() != null
                            ? new AttributeValue().withS(value.s()) : new AttributeValue().withN(value.n())));
        }
        StreamRecord change = new StreamRecord();
        change.setKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk")));
        change.setNewImage(image);
        change.setSequenceNumber("1");
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(change);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
