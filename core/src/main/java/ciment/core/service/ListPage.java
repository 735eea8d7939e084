package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.model.Text;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which page of a list the words ask for: {@code communities data more:k.1f3a} is the page of
 * "communities data" that starts at the offset the cursor holds. The cursor also carries a short hash of
 * the search it belongs to, so that a cursor pasted after other words is refused rather than read as
 * another search's page.
 */
record ListPage(String query, int offset) {
    private static final Pattern CURSOR = Pattern.compile("(?:^|\\s)more:([0-9a-z]{1,7})\\.([0-9a-f]{4})$");
    private static final int MAX_OFFSET = 1_000_000;

    /** The search and page in a list command's words; the first page when they carry no cursor. */
    static ListPage of(String words) {
        String text = words == null ? "" : words.strip();
        Matcher cursor = CURSOR.matcher(text);
        if (!text.contains("more:")) {
            return new ListPage(text, 0);
        }
        String query = cursor.find() ? text.substring(0, cursor.start()).strip() : null;
        if (query == null || !cursor.group(2).equals(hash(query))) {
            throw new Refusal(Message.of("core.cursor.otherSearch"));
        }
        int offset = Integer.parseInt(cursor.group(1), Character.MAX_RADIX);
        if (offset > MAX_OFFSET) {
            throw new Refusal(Message.of("core.cursor.notOurs"));
        }
        return new ListPage(query, offset);
    }

    /** The words that ask for the page of {@code query} starting at {@code offset}. */
    static String cursor(String query, int offset) {
        return "more:" + Integer.toString(offset, Character.MAX_RADIX) + "." + hash(query);
    }

    private static String hash(String query) {
        return String.format(Locale.ROOT, "%04x", Text.fold(query).hashCode() & 0xffff);
    }
}
