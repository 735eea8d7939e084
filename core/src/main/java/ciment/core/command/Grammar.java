package ciment.core.command;

import ciment.core.reply.Usage;
import java.util.List;

/** The commands Ciment answers, as `help` lists them: generated from the verbs' declarations ({@link Verbs}). */
public final class Grammar {

    public static final List<Usage> AVAILABLE = Verbs.usages();

    private Grammar() {
    }
}
