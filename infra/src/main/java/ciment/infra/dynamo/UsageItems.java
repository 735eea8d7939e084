package ciment.infra.dynamo;

import ciment.core.cost.UsageDay;

/**
 * Usage items, as the usage meter writes them and {@link DynamoUsage} reads them: an owner's day
 * ({@code C#<id>} or {@code PLATFORM} / {@code USE#<yyyy-mm-dd>}), one number per meter, with the count of
 * requests and whether any quantity was inexact.
 */
public final class UsageItems {
    public static final String PLATFORM_PARTITION = "PLATFORM";
    public static final String DAY_PREFIX = "USE#";
    public static final String REQUEST = "req";
    public static final String INEXACT = "inexact";

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

    /** The partition of an owner's usage items. */
    public static String partition(String owner) {
        return UsageDay.PLATFORM.equals(owner) ? PLATFORM_PARTITION : Keys.community(owner);
    }
}
