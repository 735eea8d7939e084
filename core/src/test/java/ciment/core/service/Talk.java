package ciment.core.service;

import ciment.core.Ciment;
import ciment.core.config.WriteLimits;
import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Slack people talking to Ciment in tests: "@grace" in a command names the account of user "grace". */
final class Talk {
    /** "@grace" as a word of its own (an email address is not a mention of the tool). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@[a-z]+(?![\\w@.])");
    /** Limits no test of feeds or discovery reaches while making its many posts and communities in one minute. */
    static final WriteLimits IN_BULK = new WriteLimits(WriteLimits.Rate.parse("1000/minute"),
            WriteLimits.Rate.parse("1000/minute"), WriteLimits.Rate.parse("1000/day"));

    private final Ciment ciment;
    private final Clock clock;
    private int requests;
    private int lookups;

    Talk(Ciment ciment, Clock clock) {
        this.ciment = ciment;
        this.clock = clock;
    }

    /** How many @mentions the directory was asked to resolve (each a lookup in a real chat tool). */
    int lookups() {
        return lookups;
    }

    static ChatAccount account(String user) {
        return new ChatAccount(Platform.SLACK, "T1", user);
    }

    Reply say(String user, String text) {
        return ciment.handle(caller(user, null, "req-" + (++requests), clock.instant().plusSeconds(requests)), text);
    }

    /** A command built by a chat tool (a button clicked), as this user. */
    Reply run(String user, ciment.core.command.Command command) {
        return ciment.execute(caller(user, null, "req-" + (++requests), clock.instant().plusSeconds(requests)), command);
    }

    /** A command sent in a channel (where link works). */
    Reply sayIn(Channel channel, String user, String text) {
        return ciment.handle(caller(user, channel, "req-" + (++requests), clock.instant().plusSeconds(requests)), text);
    }

    /** A message written in a channel, its id the request's; {@code root}: its thread's first message, or null. */
    Optional<Reply> writeIn(Channel channel, String user, String messageId, String root, String text) {
        return ciment.channelMessage(caller(user, channel, messageId, clock.instant()),
                messageId, root, text);
    }

    Optional<Reply> editIn(Channel channel, String user, String messageId, String text) {
        return ciment.channelEdit(caller(user, channel, messageId + "-edit", clock.instant()), messageId, text);
    }

    Optional<Reply> deleteIn(Channel channel, String user, String messageId) {
        return ciment.channelDelete(caller(user, channel, messageId + "-delete", clock.instant()), messageId);
    }

    private Caller caller(String user, Channel channel, String requestId, Instant at) {
        Directory directory = new Directory() {
            @Override
            public Optional<ChatAccount> accountOf(String mention) {
                lookups++;
                return mention.startsWith("@") ? Optional.of(account(mention.substring(1))) : Optional.empty();
            }

            @Override
            public List<String> mentionsIn(String text) {
                return MENTION.matcher(text).results().map(MatchResult::group).distinct().toList();
            }
        };
        return new Caller(account(user), () -> Introduction.named(user + " name"), requestId, at, directory, null,
                channel);
    }
}
