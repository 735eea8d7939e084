package ciment.devkit.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * How Teams reads what a bot sends, for tests: which strings it reads as markdown (a TextBlock's text, a
 * fact, a card's fallbackText, a message's text unless it says plain), which as its XML subset (a thumbnail
 * card's text), and which as words only (a TextRun). {@link #problems} lists what would let typed text pass
 * for something else: a link whose label hides its address, a mention, bold, a reordering control.
 */
public final class TeamsMarkup {
    /** Markdown's inline link, reference link or definition, and image: a label in front of an address. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\s*[(\\[:]");
    private static final Pattern REORDERING = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]");

    private TeamsMarkup() {
    }

    /** The JSON as a tree. */
    public static JsonNode tree(String json) {
        return Json.tree(json);
    }

    /** Strings Teams reads as markdown, anywhere in an activity, a card or an invoke answer. */
    public static List<String> markdown(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, (parent, field) -> {
            String type = parent.path("type").asText("");
            boolean read = switch (field) {
                case "text" -> type.equals("TextBlock") || type.equals("message") && !"plain".equals(
                        parent.path("textFormat").asText("markdown"));
                case "fallbackText" -> true;
                case "value", "title" -> parent.has("title") && parent.has("value") && parent.size() == 2; // a Fact
                default -> false;
            };
            if (read) {
                found.add(parent.path(field).asText());
            }
        });
        return found;
    }

    /** The words of every TextRun: what Teams shows as typed. */
    public static List<String> runs(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, (parent, field) -> {
            if (field.equals("text") && parent.path("type").asText("").equals("TextRun")) {
                found.add(parent.path(field).asText());
            }
        });
        return found;
    }

    /**
     * The words of TextRuns in bold, headings aside (a larger size: a heading may quote a search's words):
     * Ciment's emphasis in a line, such as an author's name, which typed words must never take.
     */
    public static List<String> boldRuns(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, (parent, field) -> {
            if (field.equals("text") && parent.path("type").asText("").equals("TextRun")
                    && parent.path("weight").asText("").equalsIgnoreCase("Bolder")
                    && !List.of("Medium", "Large", "ExtraLarge").contains(parent.path("size").asText(""))) {
                found.add(parent.path(field).asText());
            }
        });
        return found;
    }

    /**
     * A card's body as a reader sees it, one element a line: a RichTextBlock's runs joined (Ciment's bold
     * runs between ** so that tests can tell them), a TextBlock's text, a fact as "title: value".
     */
    public static String readable(JsonNode card) {
        StringBuilder out = new StringBuilder();
        card.path("body").forEach(element -> readable(element, out));
        return out.toString();
    }

    /**
     * A card's facts, title to value: a RichTextBlock whose first run, in bold, is a title and a colon (its
     * value the other runs, bold between **), or a FactSet's facts.
     */
    public static java.util.Map<String, String> facts(JsonNode card) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        card.findParents("type").forEach(element -> {
            if (element.path("type").asText("").equals("FactSet")) {
                element.path("facts").forEach(fact -> facts.put(fact.path("title").asText(), fact.path("value").asText()));
            }
            JsonNode first = element.path("inlines").path(0);
            String title = first.path("text").asText("");
            if (element.path("type").asText("").equals("RichTextBlock") && title.endsWith(": ")
                    && first.path("weight").asText("").equalsIgnoreCase("Bolder")) {
                String line = line(element);
                facts.put(title.substring(0, title.length() - 2), line.substring(title.length() + 4));
            }
        });
        return facts;
    }

    /** One element as a reader sees it (a RichTextBlock's runs joined, bold between **). */
    public static String line(JsonNode element) {
        StringBuilder out = new StringBuilder();
        readable(element, out);
        return out.toString().strip();
    }

    private static void readable(JsonNode element, StringBuilder out) {
        switch (element.path("type").asText("")) {
            case "RichTextBlock" -> {
                element.path("inlines").forEach(run -> {
                    boolean bold = run.path("weight").asText("").equalsIgnoreCase("Bolder");
                    out.append(bold ? "**" : "").append(run.path("text").asText()).append(bold ? "**" : "");
                });
                out.append('\n');
            }
            case "TextBlock" -> out.append(element.path("text").asText()).append('\n');
            case "FactSet" -> element.path("facts").forEach(fact -> out.append(fact.path("title").asText()).append(": ")
                    .append(fact.path("value").asText()).append('\n'));
            case "Container" -> element.path("items").forEach(item -> readable(item, out));
            default -> {
            }
        }
    }

    /** Every string Teams may show, however it reads it. */
    public static String shown(JsonNode node) {
        StringBuilder all = new StringBuilder();
        markdown(node).forEach(text -> all.append(text).append('\n'));
        runs(node).forEach(text -> all.append(text).append('\n'));
        xml(node).forEach(text -> all.append(text).append('\n'));
        return all.toString();
    }

    /** A thumbnail card's text (a search result's preview): Teams' XML subset. */
    public static List<String> xml(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, (parent, field) -> {
            if (field.equals("text") && parent.has("title") && (parent.has("subtitle") || parent.has("images"))) {
                found.add(parent.path(field).asText());
            }
        });
        return found;
    }

    /**
     * What in {@code node} could make typed text pass for something else: a markdown link or bold where
     * markdown is read, a tag where XML is read, a mention entity, a reordering or control character shown.
     */
    public static List<String> problems(JsonNode node) {
        List<String> problems = new ArrayList<>();
        for (String text : markdown(node)) {
            if (MARKDOWN_LINK.matcher(text).find()) {
                problems.add("a markdown link: " + text);
            }
            if (text.contains("**") || text.contains("__")) {
                problems.add("markdown bold: " + text);
            }
            if (text.contains("<at")) {
                problems.add("an <at> tag where markdown is read: " + text);
            }
        }
        for (String text : xml(node)) {
            if (text.contains("<")) {
                problems.add("a tag where XML is read: " + text);
            }
        }
        walk(node, (parent, field) -> {
            if (field.equals("type") && parent.path("type").asText("").equalsIgnoreCase("mention")) {
                problems.add("a mention entity: " + parent);
            }
            if (field.equals("type") && parent.path("msteams").has("entities")) {
                problems.add("card entities: " + parent.path("msteams"));
            }
        });
        for (String text : runs(node)) {
            if (REORDERING.matcher(text).find()) {
                problems.add("a bidi control: " + text);
            }
            if (CONTROL.matcher(text).find()) {
                problems.add("a control character: " + text);
            }
            if (text.contains("{{")) {
                problems.add("a date function: " + text);
            }
        }
        return problems;
    }

    /** Calls {@code visit} with each object and each of its fields that holds a string. */
    private static void walk(JsonNode node, BiConsumer<JsonNode, String> visit) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                JsonNode value = node.get(name);
                if (value.isTextual()) {
                    visit.accept(node, name);
                } else {
                    walk(value, visit);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, visit));
        }
    }
}
