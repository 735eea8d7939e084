package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Slug;
import java.util.List;

/** A steward's announcements: told to the whole community, acknowledged by each member once, counted. */
public final class AnnounceVerbs {

    /** {@code announce <slug> <text>}: posted in the community and told to each member directly; one a day. */
    public record Announce(Slug slug, String text) implements Command {
        public Announce {
            Checks.postText(text, Message.of("announce.empty", slug.value()));
        }
    }

    /** {@code announcements <slug>}: the latest announcements, how many were reached and acknowledged (counts). */
    public record Announcements(Slug slug) implements Command {
    }

    /**
     * Got it clicked under an announcement: the announcement as the button names it ({@code <community>/<day>}).
     * The person who acknowledges is the one who clicked, never someone the button names.
     */
    public record Acknowledge(String announcement) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Announce.class, "announce", "announce <slug> <text>", Verb.WITH_EXAMPLE,
                    words -> new Announce(words.slug(), words.rest()),
                    (a, me, c) -> a.announcements().announce(me.person(), me.caller(), c.slug(), c.text())),
            Verb.typed(Announcements.class, "announcements", "announcements <slug>", Verb.WITH_EXAMPLE,
                    words -> new Announcements(words.only()),
                    (a, me, c) -> a.announcements().counts(me.person(), c.slug())),
            Verb.untyped(Acknowledge.class,
                    (a, me, c) -> a.announcements().acknowledge(me.person(), me.caller(), c.announcement())));

    private AnnounceVerbs() {
    }
}
