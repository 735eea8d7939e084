package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Post;
import ciment.core.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A digest said in its reader's words: a heading, then each part that has something, then how to change it. */
final class DigestText {
    /** How much of a post's first words a line shows. */
    static final int EXCERPT = 100;

    private DigestText() {
    }

    static String say(Digest digest, Catalogue words) {
        List<String> lines = new ArrayList<>();
        lines.add(words.say(Message.of("digest.heading." + digest.cadence().name().toLowerCase(java.util.Locale.ROOT))));
        part(lines, words, "digest.busiest", digest.busiest(), post -> Message.of("digest.busiest.line",
                post.reference(), post.slug().value(), post.replyCount(), Digest.activity(post) - post.replyCount(),
                excerpt(post)));
        part(lines, words, "digest.questions", digest.questions(), question -> Message.of("digest.questions.line",
                question.reference(), question.slug().value(), excerpt(question)));
        part(lines, words, "digest.communities", digest.communities(), community -> Message.of(
                "digest.communities.line", community.slug().value(),
                Message.verbatim(Text.cut(community.purpose(), EXCERPT))));
        lines.add("");
        lines.add(words.say(Message.of("digest.footer")));
        return String.join("\n", lines);
    }

    /** A part of the digest, when it has something: a blank line, its heading, a line for each of its items. */
    private static <T> void part(List<String> lines, Catalogue words, String heading, List<T> items,
            Function<T, Message> line) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(words.say(Message.of(heading)));
        items.forEach(item -> lines.add(words.say(line.apply(item))));
    }

    private static Message excerpt(Post post) {
        return Message.verbatim(Text.cut(post.text().strip().replaceAll("\\s+", " "), EXCERPT));
    }
}
