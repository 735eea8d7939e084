package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attributes to values and back, for every kind of item ({@link CommunityItems}, {@link PersonItems},
 * {@link PostItems}, {@link NoticeItems}): absent attributes of items written before they existed read as
 * empty or false. Where a message goes ({@link Recipient}) is a value several kinds keep, so it is here too.
 */
final class Items {
    static final String PLATFORM = "platform";
    static final String WORKSPACE = "workspace";
    static final String USER_ID = "userId";
    static final String CONVERSATION_ID = "conversationId";
    static final String SERVICE_URL = "serviceUrl";
    static final String TEXT = "text";
    static final String AT = "at";
    static final String EXPIRES_AT = "expiresAt";

    private Items() {
    }

    /**
     * Where a message goes, as attributes: the account's platform (slack|teams), workspace and user id, and
     * the conversation and Teams serviceUrl when there are (absent for a direct message, or outside Teams).
     */
    static Map<String, AttributeValue> recipient(Recipient r) {
        Map<String, AttributeValue> fields = new HashMap<>();
        fields.put(PLATFORM, s(r.account().platform().key()));
        fields.put(WORKSPACE, s(r.account().workspace()));
        fields.put(USER_ID, s(r.account().userId()));
        if (r.conversationId() != null) {
            fields.put(CONVERSATION_ID, s(r.conversationId()));
        }
        if (r.serviceUrl() != null) {
            fields.put(SERVICE_URL, s(r.serviceUrl()));
        }
        return fields;
    }

    static Recipient recipient(Map<String, AttributeValue> fields) {
        ChatAccount account = new ChatAccount(platform(str(fields, PLATFORM)), str(fields, WORKSPACE),
                str(fields, USER_ID));
        return new Recipient(account, optional(fields, CONVERSATION_ID).orElse(null),
                optional(fields, SERVICE_URL).orElse(null));
    }

    static Platform platform(String key) {
        return Platform.valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** A text attribute that may be absent. */
    static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item " + item.get(Keys.PK) + " / " + item.get(Keys.SK) + " has no text " + name);
        }
        return value.s();
    }

    /** A list of strings; absent (an item written before the attribute existed) is empty. */
    static List<String> texts(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Keys::s).toList());
    }

    /** A flag; absent (an item written before the attribute existed) is false. */
    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
