package ciment.core.i18n;

import java.util.List;

/**
 * A list said in one language, its items being Messages or plain values: "a, b, c" as one Message nesting
 * the next ("{0}, {1}"), so that each item is said in the reader's language too.
 */
public final class Listing {
    private Listing() {
    }

    /** "a, b, c" ("" for none). */
    public static Message commas(List<?> items) {
        return joined(items, "core.list.comma");
    }

    /** "a; b; c" ("" for none). */
    public static Message semicolons(List<?> items) {
        return joined(items, "core.list.semicolon");
    }

    /** "a and b" ("a, b and c" is not needed yet: two at most, the chat tools). */
    public static Message and(List<?> items) {
        if (items.size() > 2) {
            throw new IllegalArgumentException("and() lists two items at most: " + items.size());
        }
        return joined(items, "core.list.and");
    }

    private static Message joined(List<?> items, String key) {
        if (items.isEmpty()) {
            return Message.verbatim("");
        }
        Object first = items.get(0);
        if (items.size() == 1) {
            return first instanceof Message message ? message : Message.verbatim(String.valueOf(first));
        }
        return Message.of(key, first, joined(items.subList(1, items.size()), key));
    }
}
