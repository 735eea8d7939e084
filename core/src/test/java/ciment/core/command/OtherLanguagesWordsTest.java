package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Refusal;
import ciment.core.reply.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every language's words for the verbs: complete, one grammar, typed with or without accents. */
class OtherLanguagesWordsTest {
    private static final Catalogue FRENCH = Catalogue.of(Language.FRENCH).orElseThrow();
    private static final Pattern BLANK = Pattern.compile("[<\\[]([a-zA-Z-]+)");
    /** Options typed as they are, shown in brackets like blanks ("questions <slug> [unanswered]"). */
    private static final Set<String> TYPED_OPTIONS = Set.of("unanswered");

    private static List<Catalogue> others() {
        return Catalogue.shipped().stream().filter(language -> !language.equals(Language.ENGLISH))
                .map(language -> Catalogue.of(language).orElseThrow()).toList();
    }

    @Test
    void everyOtherLanguage_hasAWordForEveryVerb_andANameForEveryBlankOfTheForms() {
        List<Executable> checks = new ArrayList<>();
        for (Catalogue catalogue : others()) {
            for (Verb<?> verb : Verbs.ALL) {
                for (String word : verb.words()) {
                    if (!word.equals("?")) {
                        checks.add(() -> assertTrue(catalogue.pattern("command." + word).isPresent(),
                                catalogue.language().code() + " has no command." + word));
                    }
                }
                Matcher blanks = BLANK.matcher(verb.form());
                while (blanks.find()) {
                    String blank = blanks.group(1);
                    if (TYPED_OPTIONS.contains(blank)) {
                        continue;
                    }
                    checks.add(() -> assertTrue(catalogue.pattern("placeholder." + blank).isPresent(),
                            catalogue.language().code() + " has no placeholder." + blank + " (in " + verb.form() + ")"));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void frenchWords_sayTheSameCommandsAsEnglish_withOrWithoutAccents_inAnyCase() {
        assertEquals(Verbs.parse("post data-guild Bonjour"), Verbs.parse("publier data-guild Bonjour"));
        assertEquals(Verbs.parse("pin #01JD0000000000000000000000"), Verbs.parse("Épingler #01JD0000000000000000000000"));
        assertEquals(Verbs.parse("pin #01JD0000000000000000000000"), Verbs.parse("epingler #01JD0000000000000000000000"));
        assertEquals(Verbs.parse("unreact #01JD0000000000000000000000 tada"),
                Verbs.parse("retirer-reaction #01JD0000000000000000000000 tada"));
        assertEquals(Verbs.parse("create data-guild Data tips"), Verbs.parse("CRÉER data-guild Data tips"));
        assertEquals(Verbs.parse("help"), Verbs.parse("aide"));
    }

    @Test
    void aFrenchWordWithWrongWords_isRefusedWithTheVerbsForm_andAnUnknownWordNamesWhatWasTyped() {
        Refusal missing = assertThrows(Refusal.class, () -> Verbs.parse("rejoindre"));
        assertEquals(Verbs.parse("join data-guild"), Verbs.parse("rejoindre data-guild"));
        assertTrue(missing.sentence().contains("join <slug>"), missing.sentence());
        Refusal unknown = assertThrows(Refusal.class, () -> Verbs.parse("rejoindr data-guild"));
        assertTrue(unknown.sentence().contains("rejoindr"), unknown.sentence());
    }

    @Test
    void frenchHelp_showsTheFrenchWordsAndBlanks_andEnglishHelpItsOwn() {
        assertEquals("rejoindre <communauté>", new Usage("join <slug>", "help.join").form(FRENCH));
        assertEquals("approuver|refuser <communauté> <personne>",
                new Usage("approve|decline <slug> <person>", "help.approve").form(FRENCH));
        assertEquals("fermer <communauté> / ouvrir <communauté>",
                new Usage("close <slug> / open <slug>", "help.close").form(FRENCH));
        assertEquals("coûts [AAAA-MM]", new Usage("costs [YYYY-MM]", "help.costs").form(FRENCH));
        assertEquals("join <slug>", new Usage("join <slug>", "help.join").form(Catalogue.ENGLISH));
    }

    @Test
    void aWordTwoVerbsWouldShare_inAnyLanguages_stopsTheStart() {
        Catalogue french = FRENCH;
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> CommandWords.of(List.of("join", "rejoindre"), List.of(french)));
        assertTrue(clash.getMessage().contains("rejoindre"), clash.getMessage());
        assertEquals("join", CommandWords.of(List.of("join"), List.of(french)).declared("REJOINDRE"));
    }
}
