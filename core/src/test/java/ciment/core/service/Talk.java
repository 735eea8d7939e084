package ciment.core.service;

import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Slack people talking to Ciment in tests: "@grace" in a command names the account of user "grace". */
final class Talk {
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
        Directory directory = mention -> mention.startsWith("@") ? Optional.of(account(mention.substring(1))) : Optional.empty();
        Instant at = clock.instant().plusSeconds(++requests);
        return ciment.handle(new Caller(account(user), () -> Introduction.named(user + " name"), "req-" + requests, at,
                directory), text);
    }
}
