package ciment.core.port;

/**
 * A chat tool refused a send for good (Slack's channel_not_found or is_archived, a Teams 403 or 404): asking
 * again would be refused again. Senders throw it so that the delivery functions give the record up at once,
 * into the dead-letter queue with this message as its reason, instead of retrying it to no end.
 */
public class Refused extends Exception {
    public Refused(String reason) {
        super(reason);
    }
}
