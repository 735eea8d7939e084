package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;

/**
 * A request that cannot be done. Its message is one sentence for the person who asked: why, and
 * what to do instead, said in their language by the adapter that answers. Nothing has been written when it
 * is thrown.
 */
public final class Refusal extends RuntimeException {
    private final Message message;

    public Refusal(Message message) {
        super(message.key(), null, false, false);
        this.message = message;
    }

    public Message message() {
        return message;
    }

    /** The sentence in English, for logs and tests. */
    public String sentence() {
        return Catalogue.ENGLISH.say(message);
    }

    @Override
    public String getMessage() {
        return sentence();
    }
}
