package ciment.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.testing.SentenceScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Everything core says to a person is a key of the catalogues: a scan of core's sources finds no sentence
 * written in Java where people read (the use cases, the replies, the commands, the model and Ciment itself).
 * Log lines and exceptions are for operators and stay English; what else is allowed is listed below, each
 * with its reason.
 */
class CoreSaysNoLiteralTest {
    private static final Path SOURCES = Path.of("src/main/java/ciment/core");
    /** Where people read what core writes. cost/, config/, privacy/ and json/ write files and settings. */
    private static final Pattern READ_BY_PEOPLE = Pattern.compile("(command|service|reply|model)/\\w+\\.java|\\w+\\.java");

    /** Statements for operators: their literals are no sentence of the product's. */
    private static final Pattern FOR_OPERATORS = Pattern.compile("^\\s*(LOG\\.|throw new Illegal\\w*Exception\\()");
    /** A verb's form, right after its words: typed syntax, the same in every language ("roles add|remove"). */
    private static final Pattern FORM = Pattern.compile("Verb\\.typed\\(\\w+\\.class, \"[^\"]*\", $");

    /** The allow-list: file, literal, and why it may stay. Keep it tiny. */
    private static final Map<String, String> ALLOWED = Map.of(
            "model/Post.java:Hidden by a steward: ",
            "stored in the post's text when it is hidden (infra and the mirrors read it back as it was stored)",
            "model/Post.java:This post was removed.",
            "stored as a removed post's text (infra writes it for erased posts)",
            "service/ConversationActions.java:by its author",
            "stored as the reason of an audit entry, shown as the trail stored it");
    private static final SentenceScan SCAN = new SentenceScan(ALLOWED.keySet(), FOR_OPERATORS, FORM);
    /** Whole files that answer HTTP rather than chat: the finance routes answer tools, in CONTRACT.md's English. */
    private static final List<String> HTTP_ANSWERS = List.of("service/CostPages.java");

    @Test
    void coreSources_sayNoSentence_exceptThroughTheCatalogues() {
        List<String> found = SCAN.sentencesUnder(SOURCES,
                name -> READ_BY_PEOPLE.matcher(name).matches() && !HTTP_ANSWERS.contains(name));
        assertEquals(List.of(), found, "sentences written in Java: make each a key of messages_en.properties"
                + " (and messages_fr.properties), or say here why it is no sentence for people");
    }

    @Test
    void theScan_findsASentence_aRefusalOfALiteral_andLetsALogLinePass() {
        String source = """
                class X {
                    void a() {
                        LOG.log(Level.WARNING, "post {0} not mirrored", id);
                        throw new Refusal(Message.of("core.ok"));
                    }
                    Reply b() {
                        return new Reply.Done("Joined " + slug
                                + " just now.");
                    }
                    String c = "Hello there";
                }
                """;
        List<String> found = sentencesIn("service/X.java", source);
        assertEquals(List.of("service/X.java:7: new Reply.Done(\"", "service/X.java:8: \" just now.\"",
                "service/X.java:10: \"Hello there\""), found);
    }

    /** The literals of a source that read as sentences, as "file:line: text", comments left out. */
    static List<String> sentencesIn(String name, String source) {
        return SCAN.sentencesIn(name, source);
    }
}
