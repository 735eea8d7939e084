package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Post;
import ciment.core.model.Text;
import java.util.ArrayList;
import java.util.List;

/** A digest said in its reader's words: a heading, then each part that has something, then how to change it. */
final class DigestText {
    /** How much of a post's first words a line shows. */
    static final int EXCERPT = 100;

    private DigestText() {
    }

    static String say(Digest digest, Catalogue words) {
        List<String> lines = new ArrayList<>();
        lines.add(words.say(Message.of("digest.heading." + digest.cadence().name().toLowerCase(java.util.Locale.ROOT))));
        if (!digest.busiest().isEmpty()) {
            lines.add("");
            lines.add(words.say(Message.of("digest.busiest")));
            for (Post post : digest.busiest()) {
                lines.add(words.say(Message.of("digest.busiest.line", post.reference(), post.slug().value(),
                        post.replyCount(), Digest.activity(post) - post.replyCount(), excerpt(post))));
            }
        }
        if (!digest.questions().isEmpty()) {
            lines.add("");
            lines.add(words.say(Message.of("digest.questions")));
            for (Post question : digest.questions()) {
                lines.add(words.say(Message.of("digest.questions.line", question.reference(), question.slug().value(),
                        excerpt(question))));
            }
        }
        if (!digest.communities().isEmpty()) {
            lines.add("");
            lines.add(words.say(Message.of("digest.communities")));
            for (Community community : digest.communities()) {
                lines.add(words.say(Message.of("digest.communities.line", community.slug().value(),
                        Message.verbatim(Text.cut(community.purpose(), EXCERPT)))));
            }
        }
        lines.add("");
        lines.add(words.say(Message.of("digest.footer")));
        return String.join("\n", lines);
    }

    private static Message excerpt(Post post) {
        return Message.verbatim(Text.cut(post.text().strip().replaceAll("\\s+", " "), EXCERPT));
    }
}
