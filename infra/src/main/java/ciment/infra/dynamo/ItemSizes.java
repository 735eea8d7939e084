package ciment.infra.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it for capacity: each attribute's name in UTF-8 bytes plus its
 * value's size. Strings are their UTF-8 length, binaries their length, numbers about one byte per two
 * significant digits plus one, booleans and nulls one byte; a list or map costs 3 bytes plus one byte
 * and the size (and, in a map, the name) of each element; a set is the sum of its elements.
 */
final class ItemSizes {
    private ItemSizes() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** The sum of the items' sizes, as a Query counts what it returns. */
    static long total(List<Map<String, AttributeValue>> items) {
        long size = 0;
        for (Map<String, AttributeValue> item : items) {
            size += of(item);
        }
        return size;
    }

    static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSizes::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemSizes::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(element -> 1 + utf8(element.getKey()) + value(element.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type: " + value);
        };
    }

    /** "-0012.3400" has the significant digits 1234: 2 bytes for them, and 1. */
    static long number(String number) {
        String mantissa = number.split("[eE]", 2)[0];
        String digits = mantissa.replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
