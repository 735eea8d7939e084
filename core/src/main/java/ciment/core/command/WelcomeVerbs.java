package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import java.util.List;

/** What stewards tell each newcomer: the community's welcome message and its guidelines. */
public final class WelcomeVerbs {
    /** Typed instead of a text, it clears what was set. */
    public static final String CLEAR = "-";

    /** {@code welcome <slug> <text>}, or {@code welcome <slug> -} to clear it (empty {@code message}). */
    public record Welcome(Slug slug, String message) implements Command {
        public Welcome {
            message = checked(slug, message, "welcome", CommunityWelcome.MESSAGE_MAX);
        }
    }

    /** {@code guidelines <slug> <text>}, or {@code guidelines <slug> -} to clear them (empty {@code guidelines}). */
    public record Guidelines(Slug slug, String guidelines) implements Command {
        public Guidelines {
            guidelines = checked(slug, guidelines, "guidelines", CommunityWelcome.GUIDELINES_MAX);
        }
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Welcome.class, "welcome", "welcome <slug> <text>", Verb.WITH_EXAMPLE,
                    words -> new Welcome(words.slug(), words.rest()),
                    (a, me, c) -> a.welcomes().welcome(me.person(), c.slug(), c.message())),
            Verb.typed(Guidelines.class, "guidelines", "guidelines <slug> <text>", Verb.WITH_EXAMPLE,
                    words -> new Guidelines(words.slug(), words.rest()),
                    (a, me, c) -> a.welcomes().guidelines(me.person(), c.slug(), c.guidelines())));

    private WelcomeVerbs() {
    }

    /** The text as typed ("-": none), when it says something and fits; the refusal otherwise. */
    private static String checked(Slug slug, String text, String verb, int max) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new Refusal(Message.of("welcome.text.missing", slug.value(), verb));
        }
        if (typed.equals(CLEAR)) {
            return "";
        }
        if (Text.length(typed) > max) {
            throw new Refusal(Message.of("welcome.text.tooLong", max, Text.length(typed)));
        }
        return typed;
    }
}
