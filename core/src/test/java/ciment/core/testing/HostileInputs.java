package ciment.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared list of text people may type against Ciment ({@code ciment/hostile-inputs.txt}): the Slack
 * tests and the Teams tests render every entry wherever typed text goes, and hold the same promises.
 */
public final class HostileInputs {
    private static final String RESOURCE = "/ciment/hostile-inputs.txt";

    private HostileInputs() {
    }

    /** Every entry, its escapes (\n, \r, \t, \\, \\uXXXX) turned into the characters they name. */
    public static List<String> all() {
        try (InputStream in = HostileInputs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            List<String> inputs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("##")) {
                    inputs.add(unescape(line));
                }
            }
            return List.copyOf(inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
