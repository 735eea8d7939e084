package ciment.teams.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Draws a card within Teams' limit, by its size as sent ({@link TeamsWire#bytes}): first whole, then with
 * each item compact, then with each item's words cut shorter, then (a list too long even so) with fewer
 * items, the rest counted. A card of one post keeps as many of its characters as fit.
 */
final class CardFit {
    /** No cut: the words whole. */
    static final int WHOLE = Integer.MAX_VALUE;
    /** Cut to this or shorter, a post's line leaves out its latest reply's words. */
    static final int SHORT = 280;
    /** The fewest characters a card of one text keeps of it, so that Read on always moves on. */
    static final int FLOOR = 40;
    /** The fewest characters of each item's words a list keeps. */
    static final int LIST_FLOOR = 16;
    private static final int[] CUTS = {WHOLE, 2000, 600, SHORT, 120, FLOOR, LIST_FLOOR};

    /**
     * How much of a list a drawing may show: characters of each item's words, how many items, and whether
     * each item is drawn compact (shorter names and lines, only the buttons that cannot be reached otherwise).
     */
    record Room(int words, int items, boolean compact) {
    }

    private CardFit() {
    }

    /** A list of {@code count} items, drawn with the most room that fits in {@link TeamsWire#CARD_BUDGET}. */
    static ObjectNode list(int count, Function<Room, ObjectNode> draw) {
        ObjectNode whole = draw.apply(new Room(WHOLE, count, false));
        if (fits(whole, TeamsWire.CARD_BUDGET)) {
            return whole;
        }
        // Words matter more than a box to reply in (a post's thread has one): compact first, then cut.
        for (int words : CUTS) {
            ObjectNode card = draw.apply(new Room(words, count, true));
            if (fits(card, TeamsWire.CARD_BUDGET)) {
                return card;
            }
        }
        // Even compact, too many: as many items as fit (fits is monotonic in the count), the rest counted.
        int shown = largest(0, count - 1, items -> fits(draw.apply(new Room(LIST_FLOOR, items, true)),
                TeamsWire.CARD_BUDGET));
        return draw.apply(new Room(LIST_FLOOR, shown, true));
    }

    /** One text of {@code length} characters, as many of them as fit in {@link TeamsWire#CARD_BUDGET}. */
    static ObjectNode words(int length, IntFunction<ObjectNode> draw) {
        return words(length, TeamsWire.CARD_BUDGET, draw);
    }

    /** One text of {@code length} characters, as many of them as fit in {@code budget} bytes. */
    static ObjectNode words(int length, int budget, IntFunction<ObjectNode> draw) {
        ObjectNode whole = draw.apply(WHOLE);
        if (fits(whole, budget) || length <= FLOOR) {
            return whole;
        }
        return draw.apply(largest(FLOOR, length - 1, words -> fits(draw.apply(words), budget)));
    }

    static boolean fits(ObjectNode card, int budget) {
        return TeamsWire.bytes(card) <= budget;
    }

    /** The largest n in [low, high] for which {@code fits} holds, assuming it holds below any n that does; low if none. */
    private static int largest(int low, int high, java.util.function.IntPredicate fits) {
        int lo = low;
        int hi = high;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (fits.test(mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
