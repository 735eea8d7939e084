package ciment.core.command;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.model.Topic;
import ciment.core.port.People;
import ciment.core.reply.Reply;
import ciment.core.service.Actions;
import ciment.core.service.Me;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** People: who I am, the roles and skills I declare, who offers a skill, the language I read. */
public final class PeopleVerbs {

    public record WhoAmI() implements Command {
    }

    /** {@code roles add|remove <text>} or {@code skills add|remove <text>}. */
    public record Declare(People.Kind kind, Topic topic, boolean add) implements Command {
    }

    /** {@code roles} or {@code skills} alone: what I declared. */
    public record ListDeclared() implements Command {
    }

    public record Who(Topic topic) implements Command {
    }

    /** {@code language fr|en|auto}: the language I read Ciment in; empty: my chat tool's. */
    public record ChooseLanguage(Optional<Language> language) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(WhoAmI.class, "whoami", "whoami", Verb.NO_EXAMPLE,
                    words -> new WhoAmI(),
                    (a, me, c) -> a.whoAmI(me)),
            Verb.typed(Declare.class, "roles", "roles add|remove <text>", Verb.WITH_EXAMPLE,
                    words -> declare(words, People.Kind.ROLE),
                    PeopleVerbs::declare),
            Verb.typed(Declare.class, "skills", "skills add|remove <text>", Verb.WITH_EXAMPLE,
                    words -> declare(words, People.Kind.SKILL),
                    PeopleVerbs::declare),
            Verb.untyped(ListDeclared.class, (a, me, c) -> a.profiles().me(me.person())),
            Verb.typed(Who.class, "who", "who <skill>", Verb.WITH_EXAMPLE,
                    words -> new Who(Topic.of(words.required(words.form(), words.example()))),
                    (a, me, c) -> a.profiles().who(me.person(), c.topic())),
            Verb.typed(ChooseLanguage.class, "language", "language <code>|auto", Verb.WITH_EXAMPLE,
                    PeopleVerbs::chooseLanguage,
                    (a, me, c) -> a.profiles().chooseLanguage(me, c.language())));

    private PeopleVerbs() {
    }

    /** A language Ciment has a catalogue for, or auto; anything else is refused with the languages it speaks. */
    private static Command chooseLanguage(Words words) {
        String typed = words.next().toLowerCase(Locale.ROOT);
        if (typed.equals("auto")) {
            return new ChooseLanguage(Optional.empty());
        }
        Optional<Language> language = Catalogue.spoken(typed);
        if (language.isEmpty() || !words.rest().isEmpty()) {
            throw new Refusal(Message.of("core.language.unknown", typed, Catalogue.spokenCodes()));
        }
        return new ChooseLanguage(language);
    }

    private static Reply declare(Actions actions, Me me, Declare declare) {
        return actions.profiles().declare(me.person(), declare.kind(), declare.topic(), declare.add());
    }

    private static Command declare(Words words, People.Kind kind) {
        String verb = words.word();
        String action = words.next().toLowerCase(Locale.ROOT);
        if (action.isEmpty()) {
            return new ListDeclared();
        }
        if (!action.equals("add") && !action.equals("remove")) {
            throw new Refusal(Message.of("core.declare.noAction", verb));
        }
        String form = words.form(action);
        return new Declare(kind, Topic.of(words.required(form, words.example(form))), action.equals("add"));
    }
}
