package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.port.Seal;
import ciment.core.reply.Reply;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a feed's next page starts: the id of the last post shown, and the feed it belongs to ("" for the
 * home feed, a slug for a community's). Sealed, so that it is opaque and an altered one is refused.
 */
record FeedCursor(Seal seal) {
    private static final Pattern POST_ID = Pattern.compile("[0-9A-Za-z]{8,40}");

    /** The word that asks for the page after {@code lastShownId} in this feed. */
    String more(String feed, String lastShownId) {
        return Reply.Feed.MORE + seal.seal(feed + "|" + lastShownId);
    }

    /** The id the page starts before; a cursor altered, not Ciment's, or of another feed is refused. */
    Optional<String> before(String feed, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String opened = seal.open(cursor.get()).orElse("");
        int bar = opened.lastIndexOf('|');
        if (bar < 0 || !POST_ID.matcher(opened.substring(bar + 1)).matches()) {
            throw new Refusal(Message.of("core.cursor.altered", feed.isEmpty() ? "feed" : "feed " + feed));
        }
        if (!opened.substring(0, bar).equals(feed)) {
            throw new Refusal(Message.of("core.cursor.otherFeed", feed.isEmpty() ? "feed" : "feed " + feed));
        }
        return Optional.of(opened.substring(bar + 1));
    }
}
