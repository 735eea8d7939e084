package ciment.core.port;

import ciment.core.model.Platform;

/**
 * What a delivery function sends with, all of one chat tool: its notices, its copies of posts (null: notices
 * only), and the tool's pace, which notices and copies into one conversation share.
 */
public record Senders(NoticeSender notices, MirrorSender mirrors, Pacing pacing) {
    public Platform platform() {
        return notices.platform();
    }
}
