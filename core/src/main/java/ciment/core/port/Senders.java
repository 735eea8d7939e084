package ciment.core.port;

import ciment.core.i18n.Language;
import ciment.core.model.Platform;

/**
 * What a delivery function sends with, all of one chat tool: its notices, its copies of posts (null: notices
 * only), the tool's pace, which notices and copies into one conversation share, and the language of a linked
 * channel whose stewards set none (CIMENT_DEFAULT_LANGUAGE).
 */
public record Senders(NoticeSender notices, MirrorSender mirrors, Pacing pacing, Language channels) {

    /** Channels without a language of their own read English. */
    public Senders(NoticeSender notices, MirrorSender mirrors, Pacing pacing) {
        this(notices, mirrors, pacing, Language.ENGLISH);
    }

    public Platform platform() {
        return notices.platform();
    }
}
