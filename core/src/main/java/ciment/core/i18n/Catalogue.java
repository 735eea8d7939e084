package ciment.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence and label a person can see, in one language: {@code ciment/i18n/messages_<code>.properties}
 * (UTF-8), patterns in {@link MessageFormat}'s syntax ({@code {0}}, {@code {0,choice,0#…|1#…|1<…}}; an
 * apostrophe is written {@code ''} or ’). A key a catalogue lacks is said in English, and CatalogueTest fails
 * the build for it.
 */
public final class Catalogue {
    public static final Catalogue ENGLISH = load(Language.ENGLISH).orElseThrow(
            () -> new IllegalStateException("ciment/i18n/messages_en.properties is missing"));

    /** Catalogues read so far, by language code: each file is read once per container. */
    private static final Map<String, Optional<Catalogue>> READ = new ConcurrentHashMap<>();

    private final Language language;
    private final Map<String, String> patterns;

    private Catalogue(Language language, Map<String, String> patterns) {
        this.language = language;
        this.patterns = Map.copyOf(patterns);
    }

    /** The catalogue of a language, if Ciment speaks it. */
    public static Optional<Catalogue> of(Language language) {
        if (language.equals(Language.ENGLISH)) {
            return Optional.of(ENGLISH);
        }
        return READ.computeIfAbsent(language.code(), code -> load(language));
    }

    /**
     * The languages Ciment speaks: those with a file, found by asking for each ISO 639 language's (once per
     * container), so that a new language needs its file only.
     */
    public static List<Language> shipped() {
        return Shipped.LANGUAGES;
    }

    /** The language a tag names ("fr", "fr-FR"), if Ciment speaks it. */
    public static Optional<Language> spoken(String tag) {
        return Language.ofTag(tag).filter(language -> of(language).isPresent());
    }

    /** The codes of the languages Ciment speaks, for a sentence ("en, fr"). */
    public static String spokenCodes() {
        return String.join(", ", shipped().stream().map(Language::code).toList());
    }

    private static final class Shipped {
        static final List<Language> LANGUAGES = Arrays.stream(Locale.getISOLanguages()).sorted()
                .map(Language::new).filter(language -> of(language).isPresent()).toList();
    }

    /** The catalogue of the first of these languages Ciment speaks, else English. */
    @SafeVarargs
    public static Catalogue first(Optional<Language>... choices) {
        for (Optional<Language> choice : choices) {
            Optional<Catalogue> found = choice.flatMap(Catalogue::of);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return ENGLISH;
    }

    public Language language() {
        return language;
    }

    public Set<String> keys() {
        return patterns.keySet();
    }

    /** The pattern behind a key, as written in the file (for the tests that hold the catalogues together). */
    public Optional<String> pattern(String key) {
        return Optional.ofNullable(patterns.get(key));
    }

    public String say(Message message) {
        return say(message.key(), message.args().toArray());
    }

    public String say(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            pattern = this == ENGLISH ? null : ENGLISH.patterns.get(key);
            if (pattern == null) {
                throw new IllegalArgumentException("No message " + key + " in any catalogue");
            }
        }
        Object[] said = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            said[i] = args[i] instanceof Message inner ? say(inner)
                    : args[i] instanceof Localized localized ? localized.in(this) : args[i];
        }
        return new MessageFormat(pattern, language.locale()).format(said);
    }

    private static Optional<Catalogue> load(Language language) {
        String path = "ciment/i18n/messages_" + language.code() + ".properties";
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> patterns = new ConcurrentHashMap<>();
            properties.forEach((key, value) -> patterns.put((String) key, (String) value));
            return Optional.of(new Catalogue(language, patterns));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
