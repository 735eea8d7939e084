package ciment.core.model;

/**
 * A role, skill or tag as people type it, with the key it is found by: case, accents and spaces folded,
 * so that "Accessibilité" and "accessibilite" are one topic.
 */
public record Topic(String text, String key) {
    public static final int MAX_LENGTH = 60;

    public static Topic of(String typed) {
        String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new Refusal("Name the role, skill or tag, for example “accessibility”.");
        }
        if (Text.length(text) > MAX_LENGTH) {
            throw new Refusal("A role, skill or tag holds at most " + MAX_LENGTH + " characters: “" + text
                    + "” has " + Text.length(text) + ".");
        }
        return new Topic(text, Text.fold(text));
    }
}
