package ciment.delivery;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's image (aws-lambda-java-events' AttributeValue, as Lambda hands it over) as the
 * DynamoDB SDK's items, which infra reads: one reading of an item, whichever way it arrived.
 */
final class StreamImages {
    private StreamImages() {
    }

    static Map<String, AttributeValue> item(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getNULL() != null) {
            return AttributeValue.fromNul(v.getNULL());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(bytes(v.getB()));
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(item(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamImages::value).toList());
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getBS() != null) {
            List<SdkBytes> set = v.getBS().stream().map(StreamImages::bytes).toList();
            return AttributeValue.fromBs(set);
        }
        throw new IllegalArgumentException("an attribute value of no known type: " + v);
    }

    private static SdkBytes bytes(ByteBuffer buffer) {
        return SdkBytes.fromByteBuffer(buffer.asReadOnlyBuffer());
    }
}
