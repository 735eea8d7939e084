package ciment.core.command;

import ciment.core.model.Slug;
import java.util.List;

/** Communities: create one, find them, see one, join and leave. */
public final class CommunityVerbs {

    public record Create(Slug slug, String purpose) implements Command {
        public Create {
            Checks.purpose(slug, purpose, "create");
        }
    }

    public record Discover(String query) implements Command {
    }

    public record Info(Slug slug) implements Command {
    }

    public record Join(Slug slug) implements Command {
    }

    public record Leave(Slug slug) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Create.class, "create", "create <slug> <purpose>", Verb.WITH_EXAMPLE,
                    words -> new Create(words.slug(), words.rest()),
                    (a, me, c) -> a.communities().create(me.person(), c.slug(), c.purpose())),
            Verb.typed(Discover.class, "communities", "communities [query]", Verb.WITH_EXAMPLE,
                    words -> new Discover(words.rest()),
                    (a, me, c) -> a.communities().discover(me.person(), c.query())),
            Verb.typed(Info.class, "info", "info <slug>", Verb.WITH_EXAMPLE,
                    words -> new Info(words.only()),
                    (a, me, c) -> a.communities().info(me.person(), c.slug())),
            Verb.typed(Join.class, "join", "join <slug>", Verb.WITH_EXAMPLE,
                    words -> new Join(words.slug()),
                    (a, me, c) -> a.communities().join(me.person(), me.caller(), c.slug())),
            Verb.typed(Leave.class, "leave", "leave <slug>", Verb.WITH_EXAMPLE,
                    words -> new Leave(words.slug()),
                    (a, me, c) -> a.communities().leave(me.person(), c.slug())));

    private CommunityVerbs() {
    }
}
