package ciment.core.command;

import ciment.core.model.Slug;
import java.util.Optional;

/** One command of CONTRACT.md's grammar, read from the words a person sent. */
public sealed interface Command {

    record Help() implements Command {
    }

    record Create(Slug slug, String purpose) implements Command {
    }

    record Join(Slug slug) implements Command {
    }

    record Leave(Slug slug) implements Command {
    }

    record Discover(String query) implements Command {
    }

    record PostTo(Slug slug, String text) implements Command {
    }

    record Feed(Optional<Slug> slug) implements Command {
    }
}
