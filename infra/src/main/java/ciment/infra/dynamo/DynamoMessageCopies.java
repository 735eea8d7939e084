package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Platform;
import ciment.core.port.MessageCopies;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A chat message that shows a post, one small item each: {@code MSG#<platform>#<conversationId>#<messageId>} /
 * {@code MSG}, with the post as commands name it ({@code post}), alone in its partition and in no index.
 * Written by one conditional put (a copy shows one post for good), read by one eventually consistent get:
 * a reaction or a reply to a message comes seconds after the bot sent it at the earliest. Issue 5's mirrors
 * are the same items. No person's words, name or id are in it.
 */
record DynamoMessageCopies(Table table) implements MessageCopies {
    static final String RECORD = "copies.record";
    static final String FIND = "copies.find";
    static final String PREFIX = "MSG#";
    static final String SORT = "MSG";
    static final String POST = "post";

    @Override
    public boolean record(Platform platform, String conversationId, String messageId, String postRef) {
        return record(platform, conversationId, messageId, postRef, false);
    }

    @Override
    public boolean recordOrigin(Platform platform, String conversationId, String messageId, String postRef) {
        return record(platform, conversationId, messageId, postRef, true);
    }

    /** The message's item, then the post's copy in that conversation ({@link DynamoMirrors}), which mirroring reads. */
    private boolean record(Platform platform, String conversationId, String messageId, String postRef, boolean origin) {
        if (!recordMessage(platform, conversationId, messageId, postRef)) {
            return false;
        }
        table.putNew(RECORD, DynamoMirrors.sentCopy(postRef, platform, conversationId, messageId, origin));
        return true;
    }

    /** The message's item alone: for a mirrored copy, whose copy item its claim made already. */
    boolean recordMessage(Platform platform, String conversationId, String messageId, String postRef) {
        Map<String, AttributeValue> item = new HashMap<>(key(platform, conversationId, messageId));
        item.put(POST, s(postRef));
        return table.putNew(RECORD, item);
    }

    @Override
    public Optional<String> find(Platform platform, String conversationId, String messageId) {
        return table.get(FIND, key(platform, conversationId, messageId), false)
                .map(item -> item.get(POST))
                .map(AttributeValue::s);
    }

    static Map<String, AttributeValue> key(Platform platform, String conversationId, String messageId) {
        if (conversationId == null || conversationId.isBlank() || messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a message copy needs its conversation and message ids");
        }
        return Keys.key(PREFIX + platform.name().toLowerCase(Locale.ROOT) + "#" + conversationId + "#" + messageId,
                SORT);
    }
}
