package ciment.core.model;

import ciment.core.i18n.Message;
import ciment.core.i18n.Catalogue;
import java.time.Instant;

/** One moderation action in a community's audit trail: who did what to which post, why, and when. */
public record AuditEntry(String id, String communityId, String action, String post, String actorId, String actorName,
        String reason, Instant at) {

    /**
     * "Ada hid #01JD…: off topic". The action is stored as a word ("hid", "deleted"), said by its key when the
     * catalogues know it; the reason is what the steward wrote (or the trail's own words, stored as they were).
     */
    public Message sentenceMessage() {
        Object said = Catalogue.ENGLISH.pattern(ACTION + action).isPresent() ? Message.of(ACTION + action)
                : Message.verbatim(action);
        boolean bare = reason == null || reason.isBlank();
        return Message.of(bare ? "reply.audit.entry" : "reply.audit.entry.reason", Message.verbatim(actorName), said,
                post, bare ? "" : Message.verbatim(reason));
    }

    /** In English, for the adapters that do not say it in the reader's language yet. */
    public String sentence() {
        return Catalogue.ENGLISH.say(sentenceMessage());
    }

    private static final String ACTION = "reply.audit.action.";
}
