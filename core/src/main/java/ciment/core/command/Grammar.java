package ciment.core.command;

import java.util.List;
import java.util.Set;

/** The commands Ciment answers today, as `help` lists them, and the ones CONTRACT.md names for later. */
public final class Grammar {

    public record Usage(String form, String meaning) {
    }

    public static final List<Usage> AVAILABLE = List.of(
            new Usage("help", "list the commands"),
            new Usage("create <slug> <purpose>", "create an open community; you become its first steward"),
            new Usage("join <slug>", "join a community"),
            new Usage("leave <slug>", "leave a community (a last steward cannot)"),
            new Usage("communities [query]", "discover communities by name or purpose"),
            new Usage("post <slug> <text>", "post to a community you belong to"),
            new Usage("feed [slug]", "latest posts of one community, or of all yours"));

    /** Words of the contract that later versions answer; they get an honest "not yet" rather than "unknown". */
    static final Set<String> LATER = Set.of(
            "close", "open", "info", "requests", "approve", "decline", "steward", "invite", "tags", "archive",
            "restore", "whoami", "roles", "skills", "who", "export-my-data", "erase-my-data", "reply", "react",
            "edit", "delete", "hide", "audit", "ask", "accept", "questions", "pin", "knowledge", "link",
            "unlink", "links", "costs", "budget", "grant");

    private Grammar() {
    }
}
