package ciment.infra.dynamo;

import ciment.core.cost.UsageDay;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Usage items, as the usage meter writes them and {@link DynamoUsage} reads them: an owner's day
 * ({@code C#<id>} or {@code PLATFORM} / {@code USE#<yyyy-mm-dd>}), one number per meter, with the count of
 * requests and whether any quantity was inexact.
 */
public final class UsageItems {
    static final String PLATFORM_PARTITION = "PLATFORM";
    public static final String DAY_PREFIX = "USE#";
    public static final String REQUEST = "req";
    public static final String INEXACT = "inexact";
    /** The keys-only index's attributes on a day: {@code USE#<yyyy-mm>} / {@code <owner>#<dd>}. */
    public static final String MONTH = Keys.GSI2_PK;
    public static final String OWNER_DAY = Keys.GSI2_SK;

    private UsageItems() {
    }

    /** The community whose partition this is ({@code C#<id>}, {@code Q#<id>}), or null. */
    public static String communityOf(String partition) {
        if (partition == null) {
            return null;
        }
        if (partition.startsWith(Keys.COMMUNITY_PREFIX) && partition.length() > Keys.COMMUNITY_PREFIX.length()) {
            return partition.substring(Keys.COMMUNITY_PREFIX.length());
        }
        if (partition.startsWith(Keys.QUESTIONS_PREFIX) && partition.length() > Keys.QUESTIONS_PREFIX.length()) {
            return partition.substring(Keys.QUESTIONS_PREFIX.length());
        }
        return null;
    }

    /** An owner's day: {@code C#<id>} (or {@code PLATFORM}) / {@code USE#<yyyy-mm-dd>}. */
    public static Map<String, AttributeValue> dayKey(String owner, LocalDate day) {
        return Keys.key(partition(owner), DAY_PREFIX + day);
    }

    /** The day's entry in the keys-only index ({@link #MONTH}, {@link #OWNER_DAY}): a month is one query. */
    public static Map<String, AttributeValue> monthEntry(String owner, LocalDate day) {
        return Map.of(MONTH, Keys.s(DAY_PREFIX + YearMonth.from(day)),
                OWNER_DAY, Keys.s(owner + "#" + String.format("%02d", day.getDayOfMonth())));
    }

    /** The partition of an owner's usage items. */
    public static String partition(String owner) {
        return UsageDay.PLATFORM.equals(owner) ? PLATFORM_PARTITION : Keys.community(owner);
    }
}
