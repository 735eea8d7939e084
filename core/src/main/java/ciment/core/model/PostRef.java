package ciment.core.model;

import ciment.core.i18n.Message;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A post as commands name it: {@code #<id>} for a thread's first post, {@code #<rootId>/<id>} for a reply
 * (the thread is part of a reply's name, so that it is found by its key, without an index).
 */
public record PostRef(String rootId, String id) {
    private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    public static PostRef parse(String word) {
        String text = word.startsWith("#") ? word.substring(1) : word;
        String[] parts = text.toUpperCase(Locale.ROOT).split("/", -1);
        if (parts.length > 2 || java.util.Arrays.stream(parts).anyMatch(p -> !ULID.matcher(p).matches())) {
            throw new Refusal(Message.of("core.post.notAPost", Message.verbatim(word)));
        }
        return parts.length == 1 ? new PostRef(null, parts[0]) : new PostRef(parts[0], parts[1]);
    }

    public boolean isReply() {
        return rootId != null;
    }

    @Override
    public String toString() {
        return isReply() ? "#" + rootId + "/" + id : "#" + id;
    }
}
