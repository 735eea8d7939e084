package ciment.core.command;

/**
 * A command, typed: what a person asked for, read from the words they typed ({@link Verbs#parse}) or built
 * by a chat tool's button, card, modal or reply chain. Each kind is a record declared beside its verb (see
 * {@link Verbs} for the areas), and {@code Ciment.execute} runs it.
 */
public interface Command {
}
