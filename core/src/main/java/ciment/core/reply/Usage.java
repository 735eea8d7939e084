package ciment.core.reply;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;

/**
 * One line of help: a command's form ("join &lt;slug&gt;"), typed the same in every language, and what it
 * does, said by the catalogues under {@code key} ("help.join").
 */
public record Usage(String form, String key) {

    public Message meaningMessage() {
        return Message.of(key);
    }

    /** What it does, in the reader's language. */
    public String meaning(Catalogue words) {
        return words.say(key);
    }

    /** What it does in English, for the adapters that do not say it in the reader's language yet. */
    public String meaning() {
        return meaning(Catalogue.ENGLISH);
    }
}
