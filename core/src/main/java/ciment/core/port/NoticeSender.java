package ciment.core.port;

import ciment.core.model.Notice;
import ciment.core.model.Platform;

/**
 * Sends a notice through one chat tool (SlackNoticeSender, TeamsNoticeSender), for the delivery
 * functions (module delivery). Throwing means "not sent, try again later": the claim is released and the record is reported as a
 * batch item failure, which Lambda retries. A notice that can never be sent (a deactivated user ...)
 * should be logged and returned from, not thrown, or it retries until the dead-letter queue.
 */
public interface NoticeSender {
    Platform platform();

    void send(Notice notice) throws Exception;
}
