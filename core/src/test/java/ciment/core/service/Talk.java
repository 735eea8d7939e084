package ciment.core.service;

import ciment.core.model.ChatAccount;
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
    private final Ciment ciment;
    private final Clock clock;
    private int requests;

    Talk(Ciment ciment, Clock clock) {
        this.ciment = ciment;
        this.clock = clock;
    }

    static ChatAccount account(String user) {
        return new ChatAccount(Platform.SLACK, "T1", user);
    }

    Reply say(String user, String text) {
        Directory directory = new Directory() {
            @Override
            public Optional<ChatAccount> accountOf(String mention) {
                return mention.startsWith("@") ? Optional.of(account(mention.substring(1))) : Optional.empty();
            }

            @Override
            public List<String> mentionsIn(String text) {
                return MENTION.matcher(text).results().map(MatchResult::group).distinct().toList();
            }
        };
        Instant at = clock.instant().plusSeconds(++requests);
        return ciment.handle(new Caller(account(user), () -> Introduction.named(user + " name"), "req-" + requests, at,
                directory), text);
    }
}
