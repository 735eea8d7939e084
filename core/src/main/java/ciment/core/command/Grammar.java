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
            new Usage("communities [query]", "discover communities by name, purpose or tag"),
            new Usage("info <slug>", "purpose, tags, stewards and size of a community"),
            new Usage("join <slug>", "join a community (a closed one asks its stewards)"),
            new Usage("leave <slug>", "leave a community (a last steward hands over first)"),
            new Usage("post <slug> <text>", "post to a community you belong to"),
            new Usage("feed [slug]", "latest posts of one community, or of all yours"),
            new Usage("reply <post> <text>", "reply in a post's thread (<post>: the #id shown with it)"),
            new Usage("thread <post>", "a post with all its replies"),
            new Usage("react <post> <emoji>", "react to a post or reply, once per emoji (unreact takes it back)"),
            new Usage("edit <post> <text>", "rewrite your own post or reply"),
            new Usage("delete <post>", "delete your own post or reply (it shows as removed)"),
            new Usage("ask <slug> <question>", "ask the community a question"),
            new Usage("accept <post>", "the asker or a steward: the reply (#post/reply) that answers the question"),
            new Usage("questions <slug> [unanswered]", "the community's questions, unanswered first"),
            new Usage("knowledge <slug> [query]", "what the stewards pinned as knowledge, matching your words"),
            new Usage("whoami", "your accounts, roles and skills"),
            new Usage("roles add|remove <text>", "the functional roles you take on, like onboarding buddy"),
            new Usage("skills add|remove <text>", "the skills you offer, like accessibility"),
            new Usage("who <skill>", "people and communities for a skill or role"),
            new Usage("export-my-data", "a file of everything Ciment holds about you, in your direct messages"),
            new Usage("erase-my-data", "delete everything Ciment holds about you (then erase-my-data confirm)"),
            new Usage("close <slug> / open <slug>", "steward: joining needs approval / is free"),
            new Usage("requests <slug>", "steward: the join requests waiting"),
            new Usage("approve|decline <slug> <person>", "steward: answer a join request"),
            new Usage("steward add|remove <slug> <person>", "steward: share stewardship (never zero stewards)"),
            new Usage("invite <slug> <person>", "steward: let a guest in, or anyone in without a request"),
            new Usage("tags <slug> <tag ...>", "steward: the community's tags"),
            new Usage("purpose <slug> <text>", "steward: rewrite what the community is for"),
            new Usage("archive <slug> / restore <slug>", "steward: make it read-only / writable again"),
            new Usage("hide <post> <reason>", "steward: hide a post or reply, with the reason"),
            new Usage("audit <slug>", "steward: the community's moderation actions"),
            new Usage("link <slug>", "steward: link this channel; its messages become posts, the posts appear here"),
            new Usage("unlink", "steward: unlink this channel"),
            new Usage("links <slug>", "the channels linked to a community"),
            new Usage("pin <post> / unpin <post>", "steward: keep a post (a first post: its whole thread) as knowledge"),
            new Usage("costs [YYYY-MM]", "finance: every community's costs; steward: your communities' (this month by default)"),
            new Usage("budget <slug> <amount>", "finance or steward: a monthly budget in dollars, alerts at 80% and 100%"),
            new Usage("grant finance|admin <person>", "admin: give someone the finance or admin role"));

    /** Words of the contract that later versions answer; they get an honest "not yet" rather than "unknown". */
    static final Set<String> LATER = Set.of();

    private Grammar() {
    }
}
