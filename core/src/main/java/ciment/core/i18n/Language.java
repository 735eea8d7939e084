package ciment.core.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language Ciment may speak, by its ISO 639 code ("en", "fr"). Whether it does is whether a catalogue
 * exists for it ({@link Catalogue#of(Language)}): adding a language is adding its file.
 */
public record Language(String code) {
    /** Before the constants below: they are checked against it. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    public static final Language ENGLISH = new Language("en");
    public static final Language FRENCH = new Language("fr");

    public Language {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a language code: " + code);
        }
    }

    /**
     * The language of a tag as the chat tools send it ("fr-FR" from Teams, "fr_FR" or "fr-FR" from Slack,
     * "FR" typed by a person); empty when the tag names no language.
     */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return CODE.matcher(primary).matches() ? Optional.of(new Language(primary)) : Optional.empty();
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }
}
