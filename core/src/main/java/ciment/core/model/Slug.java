package ciment.core.model;

import ciment.core.i18n.Message;
import java.util.regex.Pattern;

/** A community's short name, as typed in commands: 3 to 40 characters of a-z, 0-9 and '-'. */
public record Slug(String value) implements Comparable<Slug> {
    private static final Pattern RULE = Pattern.compile("[a-z0-9-]{3,40}");

    public Slug {
        if (value == null || !RULE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a slug: " + value);
        }
    }

    /** Reads a slug typed by a person, refusing with a sentence that shows what would be accepted. */
    public static Slug parse(String typed) {
        if (typed != null && RULE.matcher(typed).matches()) {
            return new Slug(typed);
        }
        String suggestion = suggest(typed);
        throw new Refusal(Message.of("core.slug.invalid", Message.verbatim(String.valueOf(typed)),
                suggestion == null ? "data-guild" : suggestion));
    }

    /** The nearest valid slug, or null when there is none worth showing. */
    private static String suggest(String typed) {
        if (typed == null) {
            return null;
        }
        String folded = Text.fold(typed).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (folded.length() > 40) {
            folded = folded.substring(0, 40);
        }
        return RULE.matcher(folded).matches() ? folded : null;
    }

    /** "data-guild" reads as "Data guild". */
    public String displayName() {
        String spaced = value.replace('-', ' ').trim();
        return spaced.isEmpty() ? value : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    @Override
    public int compareTo(Slug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
