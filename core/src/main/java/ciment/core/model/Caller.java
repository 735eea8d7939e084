package ciment.core.model;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Who sent a command, and which request carried it.
 *
 * @param introduction what the chat tool says about the account: asked the first time an account is
 *                     seen, and by whoami (it may cost a chat API call)
 * @param requestId    the chat tool's id for this request (Slack trigger_id or message ts, Teams activity id);
 *                     the same id always yields the same post, so a retry never posts twice. May be null.
 * @param at           when the chat tool says the request was made
 * @param directory    resolves the @mentions in the command to accounts
 * @param replyTo      where later answers to this request go (the conversation it came from); null when
 *                     the chat tool has no way back
 * @param channel      the channel the request was made in, when it is one that many read and where the bot
 *                     can post (link, and messages that become posts); null in a direct message
 * @param locale       the language the chat tool says this request is in (Teams' activity locale, "fr-FR");
 *                     null when it does not say (Slack says it only in users.info, kept with the person)
 */
public record Caller(ChatAccount account, Supplier<Introduction> introduction, String requestId, Instant at,
        Directory directory, Recipient replyTo, Channel channel, String locale) {

    public Caller(ChatAccount account, Supplier<Introduction> introduction, String requestId, Instant at,
            Directory directory, Recipient replyTo, Channel channel) {
        this(account, introduction, requestId, at, directory, replyTo, channel, null);
    }

    public Caller(ChatAccount account, Supplier<Introduction> introduction, String requestId, Instant at,
            Directory directory, Recipient replyTo) {
        this(account, introduction, requestId, at, directory, replyTo, null);
    }

    public Caller(ChatAccount account, Supplier<Introduction> introduction, String requestId, Instant at,
            Directory directory) {
        this(account, introduction, requestId, at, directory, null);
    }

    public Caller(ChatAccount account, Supplier<Introduction> introduction, String requestId, Instant at) {
        this(account, introduction, requestId, at, Directory.NONE);
    }
}
