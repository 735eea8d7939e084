package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runner's filter for each delivery function lets through exactly the records that template.yaml's
 * FilterCriteria lets through in AWS (its patterns read from the template, matched here as Lambda matches
 * them: a list of values, or a prefix).
 */
class TemplateFiltersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("- Pattern: '(\\{.*\\})'");

    private static DynamodbStreamRecord record(String eventName, String pk, String sk, String platform) {
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber("1");
        change.setKeys(Map.of("pk", new AttributeValue(pk), "sk", new AttributeValue(sk)));
        change.setNewImage(Map.of("pk", new AttributeValue(pk), "sk", new AttributeValue(sk),
                "platform", new AttributeValue(platform), "tool", new AttributeValue(platform)));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }

    private static final List<DynamodbStreamRecord> SAMPLES = List.of(
            record("INSERT", "OUT#1", "OUT", "slack"), record("INSERT", "OUT#2", "OUT", "teams"),
            record("MODIFY", "OUT#3", "OUT", "slack"), record("REMOVE", "OUT#4", "OUT", "teams"),
            record("INSERT", "C#5", "META", "slack"), record("INSERT", "OUT#6", "OUTX", "teams"),
            record("INSERT", "P#OUT#7", "OUT", "teams"), record("INSERT", "C#8", "POST#1", "slack"),
            record("MODIFY", "C#8", "THREAD#1#2", "teams"), record("REMOVE", "C#8", "POST#1", "slack"),
            record("INSERT", "C#8", "M#P1", "teams"), record("INSERT", "P#9", "POST#1", "teams"),
            record("INSERT", "C#8", "ANNOUNCE#2026-12-08", "slack"), record("INSERT", "C#8", "ANNOUNCE#2026-12-09", "teams"),
            record("MODIFY", "C#8", "ANNOUNCE#2026-12-08", "slack"), record("INSERT", "C#8", "ANNOUNCING#2026-12-08#1", "teams"),
            record("INSERT", "P#8", "ANNOUNCE#2026-12-08", "slack"), record("INSERT", "C#8", "ACK#2026-12-08", "slack"));

    /** The FilterCriteria patterns in template.yaml, in order (Slack's delivery function comes first). */
    private static List<JsonNode> patterns() throws Exception {
        try (InputStream in = TemplateFiltersTest.class.getClassLoader().getResourceAsStream("ciment/template.yaml")) {
            Matcher found = FILTER.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            List<JsonNode> patterns = new java.util.ArrayList<>();
            while (found.find()) {
                patterns.add(JSON.readTree(found.group(1)));
            }
            return patterns;
        }
    }

    @Test
    void runnersFilters_letThroughWhatTheTemplatesFilterCriteriaLetThrough() throws Exception {
        List<JsonNode> patterns = patterns();
        assertEquals(6, patterns.size(), patterns.toString());
        // Each delivery function has three patterns: its platform's outbox items, its announcements, posts and replies.
        Map<String, List<JsonNode>> byPlatform = new LinkedHashMap<>();
        byPlatform.put(patterns.get(0).at("/dynamodb/NewImage/platform/S/0").asText(), patterns.subList(0, 3));
        byPlatform.put(patterns.get(3).at("/dynamodb/NewImage/platform/S/0").asText(), patterns.subList(3, 6));
        assertEquals(patterns.get(0).at("/dynamodb/NewImage/platform/S/0"), patterns.get(1).at("/dynamodb/NewImage/tool/S/0"));
        assertEquals(List.of("slack", "teams"), List.copyOf(byPlatform.keySet()));
        for (String platform : byPlatform.keySet()) {
            for (DynamodbStreamRecord sample : SAMPLES) {
                boolean template = byPlatform.get(platform).stream().anyMatch(p -> matches(p, asEvent(sample)));
                assertEquals(template, DeliveryFilters.deliveryFilter(platform).test(sample),
                        platform + " on " + sample.getEventName() + " " + sample.getDynamodb().getKeys());
            }
        }
        assertTrue(DeliveryFilters.deliveryFilter("slack").test(SAMPLES.get(0)), "the filters let some through");
        assertTrue(DeliveryFilters.deliveryFilter("teams").test(SAMPLES.get(8)), "posts are let through");
        assertTrue(DeliveryFilters.deliveryFilter("slack").test(SAMPLES.get(12)), "Slack's announcements are let through");
        assertFalse(DeliveryFilters.deliveryFilter("teams").test(SAMPLES.get(12)), "to Slack's function only");
    }

    /** The record as the event JSON the pattern is matched against. */
    private static JsonNode asEvent(DynamodbStreamRecord record) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("Keys", image(record.getDynamodb().getKeys()));
        dynamodb.put("NewImage", image(record.getDynamodb().getNewImage()));
        return JSON.valueToTree(Map.of("eventName", record.getEventName(), "dynamodb", dynamodb));
    }

    private static Map<String, Object> image(Map<String, AttributeValue> image) {
        Map<String, Object> json = new LinkedHashMap<>();
        image.forEach((name, value) -> json.put(name, Map.of("S", value.getS())));
        return json;
    }

    /** Lambda's event filtering for what template.yaml uses: nested objects, lists of values, prefixes. */
    private static boolean matches(JsonNode pattern, JsonNode event) {
        if (pattern.isArray()) {
            for (JsonNode allowed : pattern) {
                boolean match = allowed.has("prefix") ? event.isTextual() && event.asText().startsWith(allowed.get("prefix").asText())
                        : allowed.equals(event);
                if (match) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            if (!event.has(field.getKey()) || !matches(field.getValue(), event.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
