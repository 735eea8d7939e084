package ciment.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.function.Predicate;

/**
 * template.yaml's FilterCriteria of the delivery functions' stream mappings, as the local runner applies them
 * ({@code TemplateFiltersTest} holds each to the template's pattern on the same records).
 */
final class DeliveryFilters {
    private DeliveryFilters() {
    }

    /**
     * Template.yaml's FilterCriteria for a delivery function: new outbox items (INSERT, pk OUT#..., sk OUT)
     * of one platform.
     */
    static Predicate<DynamodbStreamRecord> newOutboxItemsOf(String platform) {
        return record -> {
            if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) {
                return false;
            }
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            return keys != null && image != null && text(keys.get("pk")).startsWith("OUT#")
                    && text(keys.get("sk")).equals("OUT") && text(image.get("platform")).equals(platform);
        };
    }

    /** What a delivery function of this platform is handed: its new outbox items, its announcements' steps, posts and replies. */
    static Predicate<DynamodbStreamRecord> deliveryFilter(String platform) {
        return newOutboxItemsOf(platform).or(announcementsOf(platform)).or(postsAndReplies());
    }

    /**
     * Template.yaml's announcements pattern: new announcements and their next steps (INSERT, pk C#..., sk ANNOUNCE#
     * or ANNOUNCING#) made from one platform (their {@code tool}).
     */
    static Predicate<DynamodbStreamRecord> announcementsOf(String platform) {
        return record -> {
            if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) {
                return false;
            }
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            String sk = keys == null ? "" : text(keys.get("sk"));
            return keys != null && image != null && text(keys.get("pk")).startsWith("C#")
                    && (sk.startsWith("ANNOUNCE#") || sk.startsWith("ANNOUNCING#")) && text(image.get("tool")).equals(platform);
        };
    }

    /** Template.yaml's second pattern: posts and replies, new or changed (INSERT or MODIFY, pk C#..., sk POST# or THREAD#). */
    static Predicate<DynamodbStreamRecord> postsAndReplies() {
        return record -> {
            if (!("INSERT".equals(record.getEventName()) || "MODIFY".equals(record.getEventName()))
                    || record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
                return false;
            }
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            String sk = text(keys.get("sk"));
            return text(keys.get("pk")).startsWith("C#") && (sk.startsWith("POST#") || sk.startsWith("THREAD#"));
        };
    }

    private static String text(AttributeValue value) {
        return value == null || value.getS() == null ? "" : value.getS();
    }
}
