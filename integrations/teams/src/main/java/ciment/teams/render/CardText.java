package ciment.teams.render;

import ciment.core.model.Text;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text in cards as people typed it. Adaptive Cards read a TextBlock's text as markdown (Teams renders
 * {@code [label](address)} as a link showing only its label, {@code **words**} in bold), and neither
 * backslash escapes nor entities are documented for Teams' renderer. A TextRun's text is never markdown
 * (Adaptive Cards 1.5 schema: "Text to display. Markdown is not supported."; RichTextBlock is 1.2, which
 * Teams renders on every client), so every piece of text here is a TextRun in a RichTextBlock: a label and
 * its address show as typed, and Ciment's own emphasis (an author's name in bold) is the run's weight,
 * which nothing typed can imitate. Cards carry no mention entities, so an {@code <at>} tag typed stays
 * words and notifies nobody.
 *
 * <p>What a TextRun still reads is cleaned first ({@link #shown}): control characters and the bidi
 * controls that reorder what follows them (an address written backwards, U+202E) are dropped
 * ({@link Text#shown}, as in Slack), and a typed {@code {{DATE(...)}}} stays words.
 */
public final class CardText {
    /** Invisible, and no space: keeps two characters from reading as markup together. */
    static final char WORD_JOINER = '\u2060';
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardText() {
    }

    /** The text as a card shows it ({@link Text#shown}: controls and reordering marks dropped), no date function. */
    public static String shown(String typed) {
        String shown = Text.shown(typed);
        // {{DATE(...)}} is a formatting function in TextRuns too: a word joiner keeps the braces apart
        return shown.contains("{{") ? shown.replace("{{", "{" + WORD_JOINER + "{") : shown;
    }

    /**
     * For the few places Teams reads markdown that typed text still reaches (a card's fallbackText): as
     * {@link #shown}, with a word joiner after each {@code ]}, so that no {@code ](}, {@code ][} or
     * {@code ]:} makes a link (an address stays visible: Teams links a bare address by showing it), after
     * each {@code <} (no tag, no {@code <at>}), and between two {@code *} or {@code _} (no bold).
     */
    static String inert(String typed) {
        String shown = shown(typed).replace("]", "]" + WORD_JOINER).replace("<", "<" + WORD_JOINER);
        return shown.replace("**", "*" + WORD_JOINER + "*").replace("__", "_" + WORD_JOINER + "_");
    }

    /** For text Teams reads as its XML subset (a thumbnail card's text): {@link #inert}, with &amp;, &lt; and &gt; escaped. */
    public static String inertXml(String typed) {
        return inert(typed).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The first {@code max} characters (code points) of the text, and "…" when it is cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, max - 1))).stripTrailing() + "…";
    }

    /** A run of text as typed. */
    static ObjectNode run(String text) {
        ObjectNode run = JSON.objectNode();
        run.put("type", "TextRun");
        run.put("text", shown(text));
        return run;
    }

    /** A run in bold: Ciment's emphasis (an author's name), which typed text cannot take. */
    static ObjectNode bold(String text) {
        return run(text).put("weight", "Bolder");
    }

    /** A block of runs (a RichTextBlock: it wraps, and reads no markdown). */
    static ObjectNode block(ObjectNode... runs) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        for (ObjectNode run : runs) {
            inlines.add(run);
        }
        return block;
    }

    /** A block of one run. */
    static ObjectNode block(String text) {
        return block(run(text));
    }

    /** A block whose runs are all small and subtle (the lines under a post). */
    static ObjectNode subtle(ObjectNode... runs) {
        for (ObjectNode run : runs) {
            run.put("isSubtle", true).put("size", "Small");
        }
        return block(runs).put("spacing", "None");
    }
}
