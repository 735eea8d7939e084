package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.util.List;

/** Questions and the knowledge stewards keep: ask, accept an answer, list questions, search and pin knowledge. */
public final class QuestionVerbs {

    /** {@code ask <slug> <text>}: a post that is a question. */
    public record Ask(Slug slug, String text) implements Command {
        public Ask {
            Checks.postText(text, Message.of("core.ask.empty", slug.value()));
        }
    }

    /** {@code accept <post>}: the reply that answers its thread's question, named by the asker or a steward. */
    public record Accept(PostRef answer) implements Command {
    }

    /** {@code questions <slug> [unanswered]}. */
    public record Questions(Slug slug, boolean unansweredOnly) implements Command {
    }

    /** {@code knowledge <slug> [query]}: what the community's stewards pinned, matching the words if any. */
    public record Knowledge(Slug slug, String query) implements Command {
    }

    /** {@code pin <post>} or {@code unpin <post>}: a steward keeps a post (a first post: its whole thread) as knowledge. */
    public record Pin(PostRef post, boolean pin) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Ask.class, "ask", "ask <slug> <question>", Verb.WITH_EXAMPLE,
                    words -> new Ask(words.slug(), words.rest()),
                    (a, me, c) -> a.posts().post(me.person(), me.caller(), c.slug(), c.text(), Post.Marks.QUESTION)),
            Verb.typed(Accept.class, "accept", "accept <post>", Verb.WITH_EXAMPLE,
                    words -> new Accept(words.onlyPost()),
                    (a, me, c) -> a.questions().accept(me.person(), c.answer())),
            Verb.typed(Questions.class, "questions", "questions <slug> [unanswered]", Verb.WITH_EXAMPLE,
                    QuestionVerbs::questions,
                    (a, me, c) -> a.questions().questions(me.person(), c.slug(), c.unansweredOnly())),
            Verb.typed(Knowledge.class, "knowledge", "knowledge <slug> [query]", Verb.WITH_EXAMPLE,
                    words -> new Knowledge(words.slug(), words.rest()),
                    (a, me, c) -> a.questions().knowledge(me.person(), c.slug(), c.query())),
            Verb.typed(Pin.class, "pin|unpin", "pin <post> / unpin <post>", Verb.WITH_EXAMPLE,
                    words -> new Pin(words.onlyPost(), words.word().equals("pin")),
                    (a, me, c) -> a.questions().pin(me.person(), c.post(), c.pin())));

    private QuestionVerbs() {
    }

    private static Command questions(Words words) {
        Slug slug = words.slug();
        String rest = words.rest();
        if (!rest.isEmpty() && !rest.equalsIgnoreCase("unanswered")) {
            throw new Refusal(Message.of("core.questions.extra", slug.value()));
        }
        return new Questions(slug, !rest.isEmpty());
    }
}
