package ciment.core.reply;

import ciment.core.i18n.Catalogue;

/** A reply and the words to say it in: the language of the person who asked. */
public record Answer(Reply reply, Catalogue words) {

    /** The reply's sentence in the asker's language. */
    public String summary() {
        return reply.summary(words);
    }
}
