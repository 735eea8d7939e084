package ciment.core.model;

/**
 * Who a notice is for, and where: a chat account, in the conversation where they asked (its id, and for
 * Teams the Bot Connector's serviceUrl for it), or directly when the conversation is null.
 */
public record Recipient(ChatAccount account, String conversationId, String serviceUrl) {

    /** A direct message to the account (for Teams, through the Bot Connector at serviceUrl). */
    public static Recipient direct(ChatAccount account, String serviceUrl) {
        return new Recipient(account, null, serviceUrl);
    }

    public boolean isDirect() {
        return conversationId == null;
    }
}
