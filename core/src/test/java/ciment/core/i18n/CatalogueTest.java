package ciment.core.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The catalogues hold together: every language says every key, with the same arguments, in a valid pattern. */
class CatalogueTest {
    /** The languages Ciment ships: a new one is its file and its line here. */
    static final List<Language> SHIPPED = List.of(Language.ENGLISH, Language.FRENCH);

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyShippedLanguage_hasExactlyTheEnglishKeys() {
        Set<String> english = new TreeSet<>(Catalogue.ENGLISH.keys());
        assertAll(SHIPPED.stream().map(language -> (Executable) () -> {
            Set<String> keys = new TreeSet<>(catalogue(language).keys());
            keys.removeIf(CatalogueTest::ownWords);
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertEquals(Set.of(), missing, language.code() + " lacks these keys");
            assertEquals(Set.of(), extra, language.code() + " has keys English has not");
        }));
    }

    @Test
    void everyPattern_parsesAndTakesTheSameArgumentsAsEnglish() {
        List<Executable> checks = new ArrayList<>();
        for (Language language : SHIPPED) {
            Catalogue catalogue = catalogue(language);
            for (String key : Catalogue.ENGLISH.keys()) {
                checks.add(() -> {
                    String pattern = catalogue.pattern(key).orElseThrow();
                    String english = Catalogue.ENGLISH.pattern(key).orElseThrow();
                    assertEquals(arguments(english), arguments(pattern),
                            language.code() + " " + key + " takes other arguments than English");
                    assertFalse(LONE_APOSTROPHE.matcher(pattern).find(),
                            language.code() + " " + key + ": a lone ' hides what follows it; write '' or ’");
                    String said = catalogue.say(key, samples(english));
                    assertFalse(said.isBlank() || said.contains("{") || said.contains("}"),
                            language.code() + " " + key + " said with sample arguments: " + said);
                });
            }
        }
        assertAll(checks);
    }

    @Test
    void aKeyMissingFromFrench_isSaidInEnglish_andAnUnknownKeyFails() {
        Catalogue french = catalogue(Language.FRENCH);
        assertEquals("français", french.say("language.name.fr"));
        assertThrows(IllegalArgumentException.class, () -> french.say("no.such.key"));
    }

    @Test
    void aLanguageWithoutItsFile_isNotSpoken_andFirstFallsBackToEnglish() {
        assertEquals(Optional.empty(), Catalogue.of(new Language("xx")));
        assertEquals(Language.FRENCH,
                Catalogue.first(Language.ofTag("de-DE"), Language.ofTag("fr_FR")).language());
        assertEquals(Language.ENGLISH, Catalogue.first(Language.ofTag("de-DE"), Optional.empty()).language());
    }

    @Test
    void tags_fromTeamsSlackAndPeople_nameTheirLanguage() {
        assertEquals(Optional.of(Language.FRENCH), Language.ofTag("fr-FR"));
        assertEquals(Optional.of(Language.FRENCH), Language.ofTag("fr_CA"));
        assertEquals(Optional.of(Language.FRENCH), Language.ofTag(" FR "));
        assertEquals(Optional.empty(), Language.ofTag("auto!"));
        assertEquals(Optional.empty(), Language.ofTag(null));
    }

    @Test
    void aMessageArgument_isSaidInTheSameLanguage() {
        assertEquals("français", catalogue(Language.FRENCH).say(Message.of("language.name.fr")));
        assertEquals("French", Catalogue.ENGLISH.say(Message.of("language.name.fr")));
    }

    /** A language's own command words and names of blanks, which English has not (FrenchWordsTest holds them). */
    private static boolean ownWords(String key) {
        return key.startsWith("command.") || key.startsWith("placeholder.");
    }

    private static Catalogue catalogue(Language language) {
        return Catalogue.of(language).orElseThrow(() -> new AssertionError("no catalogue for " + language.code()));
    }

    /** How many arguments a pattern takes, and of which kind (number, choice or text), by index. */
    private static List<String> arguments(String pattern) {
        Format[] formats = new MessageFormat(pattern).getFormatsByArgumentIndex();
        List<String> kinds = new ArrayList<>();
        for (Format format : formats) {
            kinds.add(format == null ? "text" : format.getClass().getSimpleName());
        }
        return kinds;
    }

    private static Object[] samples(String englishPattern) {
        Format[] formats = new MessageFormat(englishPattern).getFormatsByArgumentIndex();
        Object[] samples = new Object[formats.length];
        for (int i = 0; i < formats.length; i++) {
            samples[i] = formats[i] == null ? "word" : 2;
        }
        return samples;
    }
}
