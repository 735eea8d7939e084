package ciment.core.command;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.NoticeLevel;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Threads I follow, and what I am told on my own: follow, unfollow (mutes), notices. */
public final class FollowVerbs {
    private static final String LEVEL_KEY = "follows.level.";

    /** {@code follow <post>} or {@code unfollow <post>}: follow its thread, or mute it for good. */
    public record FollowThread(PostRef post, boolean follow) implements Command {
    }

    /** {@code notices all|mentions|none}: what I am told on my own. */
    public record ChooseNotices(NoticeLevel level) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(FollowThread.class, "follow|unfollow", "follow <post> / unfollow <post>", Verb.WITH_EXAMPLE,
                    words -> new FollowThread(words.onlyPost(), words.word().equals("follow")),
                    (a, me, c) -> a.follows().follow(me.person(), me.caller(), c.post(), c.follow())),
            Verb.typed(ChooseNotices.class, "notices", "notices all|mentions|none", Verb.WITH_EXAMPLE,
                    FollowVerbs::notices,
                    (a, me, c) -> a.follows().notices(me.person(), c.level())));

    private FollowVerbs() {
    }

    /** The level in English words or in any language Ciment speaks ("tout", "mentions", "aucune"). */
    private static Command notices(Words words) {
        String typed = words.rest().toLowerCase(Locale.ROOT);
        Optional<NoticeLevel> level = NoticeLevel.of(typed).or(() -> spoken(typed));
        return new ChooseNotices(level.orElseThrow(() -> new Refusal(Message.of("follows.notices.unknown",
                Message.verbatim(typed)))));
    }

    private static Optional<NoticeLevel> spoken(String typed) {
        for (var language : Catalogue.shipped()) {
            Catalogue words = Catalogue.of(language).orElseThrow();
            for (NoticeLevel level : NoticeLevel.values()) {
                if (words.say(LEVEL_KEY + level.word()).equalsIgnoreCase(typed)) {
                    return Optional.of(level);
                }
            }
        }
        return Optional.empty();
    }
}
