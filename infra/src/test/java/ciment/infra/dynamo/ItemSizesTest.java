package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizesTest {

    @Test
    void string_countsNameAndValueInUtf8Bytes() {
        // "name" is 4 bytes; "Zoë" is 4 (ë takes two).
        assertEquals(8, ItemSizes.of(Map.of("name", AttributeValue.fromS("Zoë"))));
    }

    @Test
    void number_countsOneBytePerTwoSignificantDigits_plusOne() {
        assertEquals(4, ItemSizes.number("12345"));
        assertEquals(3, ItemSizes.number("-0012.3400"));
        assertEquals(2, ItemSizes.number("1E+5"));
        assertEquals(1, ItemSizes.number("0"));
        assertEquals(20, ItemSizes.number("12345678901234567890123456789012345678"));
    }

    @Test
    void booleanNullAndBinary_countOneByteOrTheirLength() {
        assertEquals(1, ItemSizes.value(AttributeValue.fromBool(true)));
        assertEquals(1, ItemSizes.value(AttributeValue.fromNul(true)));
        assertEquals(3, ItemSizes.value(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))));
    }

    @Test
    void listAndMap_costThreeBytesPlusOneAndTheSizeOfEachElement() {
        assertEquals(3, ItemSizes.value(AttributeValue.fromL(List.of())));
        // 3 + (1 + 1) + (1 + 2)
        assertEquals(8, ItemSizes.value(AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("bc")))));
        // 3 + (1 + "k" + "v")
        assertEquals(6, ItemSizes.value(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))));
    }

    @Test
    void sets_areTheSumOfTheirElements() {
        assertEquals(3, ItemSizes.value(AttributeValue.fromSs(List.of("a", "bc"))));
        assertEquals(4, ItemSizes.value(AttributeValue.fromNs(List.of("1", "22"))));
    }

    @Test
    void item_isTheSumOfItsAttributes() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("C#1"),          // 2 + 3
                "open", AttributeValue.fromBool(true),      // 4 + 1
                "memberCount", AttributeValue.fromN("12")); // 11 + 2
        assertEquals(23, ItemSizes.of(item));
        assertEquals(46, ItemSizes.total(List.of(item, item)));
    }
}
