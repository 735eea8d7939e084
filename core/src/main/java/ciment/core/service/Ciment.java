package ciment.core.service;

import ciment.core.Refusal;
import ciment.core.command.Command;
import ciment.core.command.CommandParser;
import ciment.core.command.Grammar;
import ciment.core.port.Store;
import ciment.core.reply.Reply;
import java.time.Clock;

/** The one entry point both chat tools call: the words a person sent in, an answer out. */
public final class Ciment {
    private final Identity identity;
    private final CommunityActions communities;
    private final PostActions posts;

    public Ciment(Store store, Clock clock) {
        this.identity = new Identity(store, clock);
        this.communities = new CommunityActions(store, clock);
        this.posts = new PostActions(store, store, communities);
    }

    public Reply handle(Caller caller, String text) {
        try {
            return execute(caller, CommandParser.parse(text));
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.sentence());
        }
    }

    private Reply execute(Caller caller, Command command) {
        // help needs no store at all: the person is looked up only by commands that use them
        return switch (command) {
            case Command.Help h -> new Reply.Help(Grammar.AVAILABLE);
            case Command.Create c -> communities.create(identity.personOf(caller), c.slug(), c.purpose());
            case Command.Join j -> communities.join(identity.personOf(caller), j.slug());
            case Command.Leave l -> communities.leave(identity.personOf(caller), l.slug());
            case Command.Discover d -> communities.discover(identity.personOf(caller), d.query());
            case Command.PostTo p -> posts.post(identity.personOf(caller), caller, p.slug(), p.text());
            case Command.Feed f -> f.slug().isPresent()
                    ? posts.communityFeed(f.slug().get())
                    : posts.homeFeed(identity.personOf(caller));
        };
    }
}
