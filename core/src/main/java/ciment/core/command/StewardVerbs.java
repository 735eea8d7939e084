package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.PersonRef;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What stewards do for their community: who joins, who stewards, what it says, its members, moderation. */
public final class StewardVerbs {
    static final int MAX_TAGS = 10;

    /** {@code open <slug>} (joining is free) or {@code close <slug>} (joining needs approval). */
    public record SetOpen(Slug slug, boolean open) implements Command {
    }

    public record Requests(Slug slug) implements Command {
    }

    /** {@code members <slug>}: the community's members and the chat tools they are on, for its stewards. */
    public record Members(Slug slug) implements Command {
    }

    /** {@code approve|decline <slug> <person>}. */
    public record Decide(Slug slug, PersonRef person, boolean approve) implements Command {
    }

    /** Approve or Decline clicked beside a join request: the person who asked, by their Ciment id. */
    public record DecideRequest(Slug slug, String personId, boolean approve) implements Command {
    }

    /** {@code steward add|remove <slug> <person>}. */
    public record Steward(Slug slug, PersonRef person, boolean add) implements Command {
    }

    /** {@code invite <slug> <person>}: a guest, or anyone into a closed community without approval. */
    public record Invite(Slug slug, PersonRef person) implements Command {
    }

    public record Tags(Slug slug, List<Topic> tags) implements Command {
        public Tags {
            if (tags.size() > MAX_TAGS) {
                throw new Refusal(Message.of("core.tags.tooMany", MAX_TAGS, tags.size()));
            }
            tags = List.copyOf(tags);
        }

        /** The tags as typed, each a role, skill or tag; the same tag twice counts once. */
        public static Tags of(Slug slug, List<String> typed) {
            List<Topic> tags = new ArrayList<>();
            for (String tag : typed) {
                if (!tag.isBlank()) {
                    Topic topic = Topic.of(tag);
                    if (tags.stream().noneMatch(t -> t.key().equals(topic.key()))) {
                        tags.add(topic);
                    }
                }
            }
            return new Tags(slug, tags);
        }
    }

    /** {@code purpose <slug> <text>}: what the community is for, rewritten by a steward. */
    public record Purpose(Slug slug, String purpose) implements Command {
        public Purpose {
            Checks.purpose(slug, purpose, "purpose");
        }
    }

    /** {@code archive <slug>} or {@code restore <slug>}. */
    public record SetArchived(Slug slug, boolean archived) implements Command {
    }

    /** {@code hide <post> <reason>}: a steward hides a post; the audit trail keeps it. */
    public record Hide(PostRef post, String reason) implements Command {
        public Hide {
            if (reason.isEmpty()) {
                throw new Refusal(Message.of("core.hide.noReason", post.toString()));
            }
            if (Text.length(reason) > Text.PURPOSE_MAX) {
                throw new Refusal(Message.of("core.hide.tooLong", Text.PURPOSE_MAX));
            }
        }
    }

    /** {@code audit <slug>}: a community's moderation actions, for its stewards. */
    public record Audit(Slug slug) implements Command {
    }

    /** {@code insights <slug>}: how the community lives, week by week, in aggregate, for its stewards and admins. */
    public record Insights(Slug slug) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(SetOpen.class, "close|open", "close <slug> / open <slug>", Verb.WITH_EXAMPLE,
                    words -> new SetOpen(words.only(), words.word().equals("open")),
                    (a, me, c) -> a.stewardship().setOpen(me.person(), c.slug(), c.open())),
            Verb.typed(Requests.class, "requests", "requests <slug>", Verb.WITH_EXAMPLE,
                    words -> new Requests(words.only()),
                    (a, me, c) -> a.stewardship().requests(me.person(), c.slug())),
            Verb.typed(Members.class, "members", "members <slug>", Verb.WITH_EXAMPLE,
                    words -> new Members(words.only()),
                    (a, me, c) -> a.stewardship().members(me.person(), c.slug())),
            Verb.typed(Decide.class, "approve|decline", "approve|decline <slug> <person>", Verb.WITH_EXAMPLE,
                    words -> new Decide(words.slug(), words.person(words.form()), words.word().equals("approve")),
                    (a, me, c) -> a.stewardship().decide(me.person(), me.caller(), c.slug(), c.person(), c.approve())),
            Verb.untyped(DecideRequest.class,
                    (a, me, c) -> a.stewardship().decide(me.person(), c.slug(), c.personId(), c.approve())),
            Verb.typed(Steward.class, "steward", "steward add|remove <slug> <person>", Verb.WITH_EXAMPLE,
                    StewardVerbs::steward,
                    (a, me, c) -> a.stewardship().steward(me.person(), me.caller(), c.slug(), c.person(), c.add())),
            Verb.typed(Invite.class, "invite", "invite <slug> <person>", Verb.WITH_EXAMPLE,
                    words -> new Invite(words.slug(), words.person(words.form())),
                    (a, me, c) -> a.stewardship().invite(me.person(), me.caller(), c.slug(), c.person())),
            Verb.typed(Tags.class, "tags", "tags <slug> <tag ...>", Verb.WITH_EXAMPLE,
                    StewardVerbs::tags,
                    (a, me, c) -> a.stewardship().tags(me.person(), c.slug(), c.tags())),
            Verb.typed(Purpose.class, "purpose", "purpose <slug> <text>", Verb.WITH_EXAMPLE,
                    words -> new Purpose(words.slug(), words.rest()),
                    (a, me, c) -> a.stewardship().purpose(me.person(), c.slug(), c.purpose())),
            Verb.typed(SetArchived.class, "archive|restore", "archive <slug> / restore <slug>", Verb.WITH_EXAMPLE,
                    words -> new SetArchived(words.only(), words.word().equals("archive")),
                    (a, me, c) -> a.stewardship().setArchived(me.person(), c.slug(), c.archived())),
            Verb.typed(Hide.class, "hide", "hide <post> <reason>", Verb.WITH_EXAMPLE,
                    words -> new Hide(words.post(), words.rest()),
                    (a, me, c) -> a.conversations().hide(me.person(), me.caller(), c.post(), c.reason())),
            Verb.typed(Audit.class, "audit", "audit <slug>", Verb.WITH_EXAMPLE,
                    words -> new Audit(words.only()),
                    (a, me, c) -> a.conversations().audit(me.person(), c.slug())),
            Verb.typed(Insights.class, "insights", "insights <slug>", Verb.WITH_EXAMPLE,
                    words -> new Insights(words.only()),
                    (a, me, c) -> a.insights().insights(me.person(), c.slug())));

    private StewardVerbs() {
    }

    private static Command steward(Words words) {
        String action = words.next().toLowerCase(Locale.ROOT);
        if (!action.equals("add") && !action.equals("remove")) {
            throw new Refusal(Message.of("core.steward.noAction"));
        }
        String form = words.form(action);
        Slug slug = words.slug(form, words.example(form));
        return new Steward(slug, words.person(form), action.equals("add"));
    }

    private static Command tags(Words words) {
        Slug slug = words.slug();
        String rest = words.required("tags " + slug + " <tag ...>",
                Message.of("help.example", "tags " + slug, Message.of("help.tags.example.words")));
        // Commas separate tags of several words ("data science, sql"); otherwise each word is a tag.
        return Tags.of(slug, List.of(rest.contains(",") ? rest.split(",") : rest.split("\\s+")));
    }
}
