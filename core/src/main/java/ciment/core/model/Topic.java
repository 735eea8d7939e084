package ciment.core.model;

import ciment.core.i18n.Message;
/**
 * A role, skill or tag as people type it, with the key it is found by: case, accents and spaces folded,
 * so that "Accessibilité" and "accessibilite" are one topic.
 */
public record Topic(String text, String key) {
    static final int MAX_LENGTH = 60;

    public static Topic of(String typed) {
        String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new Refusal(Message.of("core.topic.empty"));
        }
        if (Text.length(text) > MAX_LENGTH) {
            throw new Refusal(Message.of("core.topic.tooLong", MAX_LENGTH, Message.verbatim(text),
                    Text.length(text)));
        }
        return new Topic(text, Text.fold(text));
    }
}
