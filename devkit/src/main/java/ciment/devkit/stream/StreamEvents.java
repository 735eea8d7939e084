package ciment.devkit.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Records read from a table's stream (the SDK's GetRecords model) as the event a stream-triggered Lambda
 * function receives (aws-lambda-java-events' DynamodbEvent), with the stream's ARN on each record as
 * the event source mapping adds it.
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    public static DynamodbEvent event(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    public static DynamodbStreamRecord record(Record read, String streamArn) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(read.eventID());
        record.setEventName(read.eventNameAsString());
        record.setEventVersion(read.eventVersion());
        record.setEventSource(read.eventSource());
        record.setAwsRegion(read.awsRegion());
        record.setEventSourceARN(streamArn);
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = read.dynamodb();
        StreamRecord dynamodb = new StreamRecord();
        if (change.approximateCreationDateTime() != null) {
            dynamodb.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
        }
        dynamodb.setKeys(image(change.keys(), change.hasKeys()));
        dynamodb.setNewImage(image(change.newImage(), change.hasNewImage()));
        dynamodb.setOldImage(image(change.oldImage(), change.hasOldImage()));
        dynamodb.setSequenceNumber(change.sequenceNumber());
        dynamodb.setSizeBytes(change.sizeBytes());
        if (change.streamViewTypeAsString() != null) {
            dynamodb.setStreamViewType(StreamViewType.fromValue(change.streamViewTypeAsString()));
        }
        record.setDynamodb(dynamodb);
        return record;
    }

    /** Null when the record has no such image (an INSERT has no old one), as Lambda leaves it out. */
    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> item, boolean present) {
        if (!present) {
            return null;
        }
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, value(value)));
        return image;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var value = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> value.setS(v.s());
            case N -> value.setN(v.n());
            case B -> value.setB(v.b().asByteBuffer());
            case BOOL -> value.setBOOL(v.bool());
            case NUL -> value.setNULL(v.nul());
            case SS -> value.setSS(v.ss());
            case NS -> value.setNS(v.ns());
            case BS -> value.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
            case M -> value.setM(image(v.m(), true));
            case L -> value.setL(v.l().stream().map(StreamEvents::value).toList());
            default -> throw new IllegalArgumentException("an attribute value of no known type: " + v);
        }
        return value;
    }
}
