package ciment.core.command;

import ciment.core.model.Grant;
import ciment.core.model.PostRef;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
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

    record Info(Slug slug) implements Command {
    }

    record PostTo(Slug slug, String text) implements Command {
    }

    /** {@code cursor}: the sealed "more:" token of the page asked for, or empty for the newest page. */
    record Feed(Optional<Slug> slug, Optional<String> cursor) implements Command {
        public Feed(Optional<Slug> slug) {
            this(slug, Optional.empty());
        }
    }

    // ---- conversations ----

    /** {@code reply <post> <text>}: a reply in the post's thread. */
    record ReplyTo(PostRef post, String text) implements Command {
    }

    /** {@code thread <post>}: a thread whole. */
    record Thread(PostRef post) implements Command {
    }

    /** {@code react <post> <emoji>} or {@code unreact <post> <emoji>}. */
    record React(PostRef post, String emoji, boolean add) implements Command {
    }

    /** {@code edit <post> <text>}: the author rewrites their post. */
    record Edit(PostRef post, String text) implements Command {
    }

    /** {@code delete <post>}: the author deletes their post; it shows as removed. */
    record Delete(PostRef post) implements Command {
    }

    /** {@code hide <post> <reason>}: a steward hides a post; the audit trail keeps it. */
    record Hide(PostRef post, String reason) implements Command {
    }

    /** {@code audit <slug>}: a community's moderation actions, for its stewards. */
    record Audit(Slug slug) implements Command {
    }

    // ---- questions and knowledge ----

    /** {@code ask <slug> <text>}: a post that is a question. */
    record Ask(Slug slug, String text) implements Command {
    }

    /** {@code accept <post>}: the reply that answers its thread's question, named by the asker or a steward. */
    record Accept(PostRef answer) implements Command {
    }

    /** {@code questions <slug> [unanswered]}. */
    record Questions(Slug slug, boolean unansweredOnly) implements Command {
    }

    /** {@code pin <post>} or {@code unpin <post>}: a steward keeps a post (a first post: its whole thread) as knowledge. */
    record Pin(PostRef post, boolean pin) implements Command {
    }

    /** {@code knowledge <slug> [query]}: what the community's stewards pinned, matching the words if any. */
    record Knowledge(Slug slug, String query) implements Command {
    }

    // ---- channels ----

    /** {@code link <slug>}: a steward links the channel the command is sent in. */
    record LinkChannel(Slug slug) implements Command {
    }

    /** {@code unlink}: a steward unlinks the channel the command is sent in. */
    record UnlinkChannel() implements Command {
    }

    /** {@code links <slug>}: the channels linked to a community. */
    record Links(Slug slug) implements Command {
    }

    // ---- stewards ----

    /** {@code open <slug>} (joining is free) or {@code close <slug>} (joining needs approval). */
    record SetOpen(Slug slug, boolean open) implements Command {
    }

    record Requests(Slug slug) implements Command {
    }

    /** {@code approve|decline <slug> <person>}. */
    record Decide(Slug slug, PersonRef person, boolean approve) implements Command {
    }

    /** {@code steward add|remove <slug> <person>}. */
    record Steward(Slug slug, PersonRef person, boolean add) implements Command {
    }

    /** {@code invite <slug> <person>}: a guest, or anyone into a closed community without approval. */
    record Invite(Slug slug, PersonRef person) implements Command {
    }

    record Tags(Slug slug, List<Topic> tags) implements Command {
    }

    /** {@code purpose <slug> <text>}: what the community is for, rewritten by a steward. */
    record Purpose(Slug slug, String purpose) implements Command {
    }

    /** {@code archive <slug>} or {@code restore <slug>}. */
    record SetArchived(Slug slug, boolean archived) implements Command {
    }

    // ---- people ----

    record WhoAmI() implements Command {
    }

    /** {@code roles add|remove <text>} or {@code skills add|remove <text>}. */
    record Declare(Declared kind, Topic topic, boolean add) implements Command {
    }

    /** {@code roles} or {@code skills} alone: what I declared. */
    record ListDeclared() implements Command {
    }

    record Who(Topic topic) implements Command {
    }

    // ---- my data ----

    /** {@code export-my-data}: a file of everything Ciment holds about me, sent to my direct messages. */
    record ExportMyData() implements Command {
    }

    /** {@code erase-my-data} (says what would go) or {@code erase-my-data confirm} (deletes it). */
    record EraseMyData(boolean confirm) implements Command {
    }

    // ---- finance (issue 6) ----

    /** {@code costs [YYYY-MM]}: what communities cost in a month (empty: the current month, UTC). */
    record Costs(Optional<YearMonth> month) implements Command {
    }

    /** {@code budget <slug> <amount>}: a community's monthly budget, in US dollars. */
    record Budget(Slug slug, BigDecimal dollars) implements Command {
    }

    /** {@code grant finance|admin <person>}: an admin gives a role. */
    record GrantRole(Grant grant, PersonRef person) implements Command {
    }

    enum Declared { ROLE, SKILL }
}
