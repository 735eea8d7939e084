package ciment.core.port;

import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;

/** The outbox: notices written here are delivered by the delivery functions, once each. */
public interface Notices {
    void send(Notice notice);

    /**
     * The notice and a lasting mark that it was sent, in one change: false, and nothing written, when the mark
     * is there already (an introduction is made once, however often the chat tool says it was installed).
     */
    boolean sendOnce(Notice notice, Once once);

    /** Where the mark of a notice sent once and for all is kept (outbox items themselves expire). */
    sealed interface Once {
        /** On the account's identity link: Ciment introduced itself to the person on that account. */
        record Account(ChatAccount account) implements Once {
        }

        /** On an item of the conversation's own: Ciment introduced itself in that conversation. */
        record Conversation(Platform platform, String conversationId) implements Once {
        }
    }
}
