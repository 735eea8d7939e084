package ciment.core.i18n;

import java.util.List;

/** Core's scan for sentences written in Java (CoreSaysNoLiteralTest), lent to the adapters' tests. */
public final class LiteralScan {
    private LiteralScan() {
    }

    /** The literals of a source that read as sentences, as "file:line: text", comments left out. */
    public static List<String> sentencesIn(String name, String source) {
        return CoreSaysNoLiteralTest.sentencesIn(name, source);
    }
}
