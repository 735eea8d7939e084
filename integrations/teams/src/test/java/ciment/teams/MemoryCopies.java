package ciment.teams;

import ciment.core.model.Platform;
import ciment.core.port.MessageCopies;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Copies of posts kept in memory, as the table keeps them: the first record of a message stays. */
final class MemoryCopies implements MessageCopies {
    private final Map<String, String> posts = new ConcurrentHashMap<>();

    @Override
    public boolean record(Platform platform, String conversationId, String messageId, String postRef) {
        return posts.putIfAbsent(key(platform, conversationId, messageId), postRef) == null;
    }

    @Override
    public Optional<String> find(Platform platform, String conversationId, String messageId) {
        return Optional.ofNullable(posts.get(key(platform, conversationId, messageId)));
    }

    int size() {
        return posts.size();
    }

    private static String key(Platform platform, String conversationId, String messageId) {
        return platform + "#" + conversationId + "#" + messageId;
    }
}
