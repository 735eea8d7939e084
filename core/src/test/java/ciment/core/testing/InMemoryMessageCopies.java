package ciment.core.testing;

import ciment.core.model.Platform;
import ciment.core.port.MessageCopies;
import java.util.Optional;

/** Which chat message shows which post, in memory: the first record of a message wins. */
final class InMemoryMessageCopies implements MessageCopies {
    private final InMemoryTable table;

    InMemoryMessageCopies(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean record(Platform platform, String conversationId, String messageId, String postRef) {
        synchronized (table) {
            if (table.copies.putIfAbsent(platform.key() + "#" + conversationId + "#" + messageId, postRef) != null) {
                return false;
            }
            table.writes++;
            return true;
        }
    }

    @Override
    public Optional<String> find(Platform platform, String conversationId, String messageId) {
        synchronized (table) {
            return Optional.ofNullable(table.copies.get(platform.key() + "#" + conversationId + "#" + messageId));
        }
    }
}
