package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;

/**
 * A number about people is shown only when it covers 5 or more of them: below that it could point at
 * someone. Ciment never shows a count about one person.
 */
public final class Aggregate {
    public static final int SMALLEST_SHOWN = 5;

    private Aggregate() {
    }

    /** "12 members", or "fewer than 5 members". */
    public static Message membersMessage(int count) {
        return count >= SMALLEST_SHOWN ? Message.of("reply.members.count", count)
                : Message.of("reply.members.fewer", SMALLEST_SHOWN);
    }

    /** The same in English, for the adapters that do not say it in the reader's language yet. */
    public static String members(int count) {
        return Catalogue.ENGLISH.say(membersMessage(count));
    }
}
