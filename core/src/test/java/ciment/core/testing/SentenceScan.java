package ciment.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the sentences written in Java where people read: string literals of two words or more, and the shapes
 * that say a literal whatever it holds ({@code new Refusal("…")}, {@code Message.verbatim("…")}, a Done or
 * Refused of a String). Comments are left out; so are statements for operators and each area's allow-list.
 * Core's and each adapter's "says no literal" tests scan their sources with it.
 *
 * @param allowed      "file:literal" pairs that may stay, each for a reason its test gives
 * @param forOperators a statement starting so is for operators (a log line, an exception): its literals pass
 * @param exempt       what may come right before a literal that is no sentence (a verb's typed form), or null
 */
public record SentenceScan(Set<String> allowed, Pattern forOperators, Pattern exempt) {
    /** A sentence or a piece of one: two words with a space between them. */
    private static final Pattern WORDS = Pattern.compile("\\p{L} +\\p{L}");
    /** A string literal (Java's escapes included). */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** What is said for sure, literal or not: the shapes that take a sentence. */
    private static final Pattern SAYING_A_LITERAL = Pattern.compile(
            "new Refusal\\(\"|Message\\.verbatim\\(\"|new (Reply\\.)?(Done|Refused)\\(\"");

    /** The literals of a source that read as sentences, as "file:line: text", comments left out. */
    public List<String> sentencesIn(String name, String source) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher saying = SAYING_A_LITERAL.matcher(code);
        while (saying.find()) {
            found.add(name + ":" + lineOf(code, saying.start()) + ": " + saying.group());
        }
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String text = literal.group(1);
            if (!WORDS.matcher(text).find() || allowed.contains(name + ":" + text)
                    || forOperators.matcher(statementOf(code, literal.start())).find()
                    || exempt != null && exempt.matcher(code.substring(Math.max(0, literal.start() - 80),
                    literal.start())).find()) {
                continue;
            }
            found.add(name + ":" + lineOf(code, literal.start()) + ": \"" + text + "\"");
        }
        return found;
    }

    /** The sentences of every .java file under {@code root} whose name (relative, with /) {@code scanned} accepts. */
    public List<String> sentencesUnder(Path root, Predicate<String> scanned) {
        List<String> found = new ArrayList<>();
        for (Path file : sources(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (scanned.test(name)) {
                found.addAll(sentencesIn(name, read(file)));
            }
        }
        return found;
    }

    /** The .java files under a directory, sorted. */
    public static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
