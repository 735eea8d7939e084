package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;

/**
 * What Ciment writes on a post's copy in a linked channel, around its author's words: said in the channel's
 * language ({@link ciment.core.model.Link#words}), whatever language the author wrote in. The author's words, and
 * a steward's reason for hiding them, are never translated.
 */
public final class CopyLines {
    private CopyLines() {
    }

    /** The words the copy shows: the author's, or for a removed or hidden post the line saying so. */
    public static String text(Post post, Catalogue words) {
        return post.shownText(words);
    }

    /** Where it was written and its reference ("via Teams · #01J…"); a removed post's reference alone. */
    public static String origin(Post post, Catalogue words) {
        return post.isRemoved() ? post.reference() : words.say("delivery.copy.via", post.origin().label(), post.reference());
    }
}
