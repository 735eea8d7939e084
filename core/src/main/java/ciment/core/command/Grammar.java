package ciment.core.command;

import java.util.List;

/** The commands Ciment answers, as `help` lists them: generated from the verbs' declarations ({@link Verbs}). */
public final class Grammar {

    public record Usage(String form, String meaning) {
    }

    public static final List<Usage> AVAILABLE = Verbs.usages();

    private Grammar() {
    }
}
