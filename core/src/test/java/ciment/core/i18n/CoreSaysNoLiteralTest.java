package ciment.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /** A sentence or a piece of one: two words with a space between them. */
    private static final Pattern WORDS = Pattern.compile("\\p{L} +\\p{L}");
    /** A string literal (Java's escapes included). */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** What is said for sure, literal or not: the shapes that take a sentence. */
    private static final Pattern SAYING_A_LITERAL = Pattern.compile(
            "new Refusal\\(\"|Message\\.verbatim\\(\"|new (Reply\\.)?(Done|Refused)\\(\"");
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
    /** Whole files that answer HTTP rather than chat: the finance routes answer tools, in CONTRACT.md's English. */
    private static final List<String> HTTP_ANSWERS = List.of("service/CostPages.java");

    @Test
    void coreSources_sayNoSentence_exceptThroughTheCatalogues() {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            if (!READ_BY_PEOPLE.matcher(name).matches() || HTTP_ANSWERS.contains(name)) {
                continue;
            }
            found.addAll(sentencesIn(name, read(file)));
        }
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
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher saying = SAYING_A_LITERAL.matcher(code);
        while (saying.find()) {
            found.add(name + ":" + lineOf(code, saying.start()) + ": " + saying.group());
        }
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String text = literal.group(1);
            if (!WORDS.matcher(text).find() || ALLOWED.containsKey(name + ":" + text)
                    || FOR_OPERATORS.matcher(statementOf(code, literal.start())).find()
                    || FORM.matcher(code.substring(Math.max(0, literal.start() - 80), literal.start())).find()) {
                continue;
            }
            found.add(name + ":" + lineOf(code, literal.start()) + ": \"" + text + "\"");
        }
        return found;
    }

    /** The statement a position is in, from its start: after the last ; { or } before it (outside literals). */
    private static String statementOf(String code, int at) {
        int start = 0;
        boolean inLiteral = false;
        for (int i = 0; i < at; i++) {
            char c = code.charAt(i);
            if (c == '"' && (i == 0 || code.charAt(i - 1) != '\\')) {
                inLiteral = !inLiteral;
            } else if (!inLiteral && (c == ';' || c == '{' || c == '}')) {
                start = i + 1;
            }
        }
        return code.substring(start, at);
    }

    /** Comments blanked out, line breaks kept so that line numbers hold; literals are left whole. */
    private static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                code.append(source, i, Math.min(end + 1, source.length()));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> code.append('\n'));
                i = end;
            } else if (c == '\'' && i + 2 < source.length()) {
                int end = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) : i + 2;
                code.append(source, i, end + 1);
                i = end + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static int lineOf(String code, int at) {
        return (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
