package ciment.core.command;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import ciment.core.service.Actions;
import ciment.core.service.Me;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every verb, by area, in the order help lists them: the one place that knows them all. It reads the words
 * a person typed (after {@code /ciment} in Slack, sent to the bot in Teams with the mention removed) and
 * runs a command, whoever built it, with the use case its verb declares.
 */
public final class Verbs {

    public record Help() implements Command {
    }

    private static final List<Verb<?>> BASICS = List.of(
            Verb.typed(Help.class, "help|?", "help", Verb.NO_EXAMPLE,
                    words -> new Help(),
                    (a, me, c) -> new Reply.Help(Grammar.AVAILABLE)));

    /** The areas, in help's order. */
    static final List<Verb<?>> ALL = Stream.of(BASICS, CommunityVerbs.VERBS, ConversationVerbs.VERBS,
            QuestionVerbs.VERBS, PeopleVerbs.VERBS, PrivacyVerbs.VERBS, StewardVerbs.VERBS, WelcomeVerbs.VERBS,
            ChannelVerbs.VERBS, FinanceVerbs.VERBS, FollowVerbs.VERBS, DigestVerbs.VERBS, AnnounceVerbs.VERBS)
            .flatMap(List::stream).toList();

    private static final Map<String, Verb<?>> BY_WORD = new HashMap<>();
    private static final Map<Class<?>, Verb<?>> BY_TYPE = new HashMap<>();

    static {
        for (Verb<?> verb : ALL) {
            for (String word : verb.words()) {
                if (BY_WORD.put(word, verb) != null) {
                    throw new IllegalStateException("two verbs say " + word);
                }
            }
            BY_TYPE.putIfAbsent(verb.type(), verb);
        }
    }

    /**
     * Every language's words for the verbs, read the first time a word is not an English one: a container that
     * is only ever sent English words never reads the other catalogues (cold starts).
     */
    private static final class OtherWords {
        static final CommandWords WORDS = CommandWords.of(BY_WORD.keySet(), Catalogue.shipped().stream()
                .map(language -> Catalogue.of(language).orElseThrow()).toList());
    }

    private Verbs() {
    }

    /** The command the words say; a refusal, with the right form, when they say none. */
    public static Command parse(String text) {
        Words first = new Words("", null, text == null ? "" : text.strip());
        String typed = first.next().toLowerCase(Locale.ROOT);
        String word = typed.isEmpty() ? "help" : BY_WORD.containsKey(typed) ? typed : OtherWords.WORDS.declared(typed);
        Verb<?> verb = BY_WORD.get(word);
        if (verb == null) {
            throw new Refusal(Message.of("core.verbs.unknown", Message.verbatim(typed)));
        }
        return verb.reader().read(new Words(word, verb, first.rest()));
    }

    /** Help's lines, in order. */
    static List<Usage> usages() {
        return ALL.stream().map(Verb::usage).flatMap(Optional::stream).toList();
    }

    /** Runs a command with the use case its verb declares. */
    public static Reply run(Actions actions, Me me, Command command) {
        Verb<?> verb = BY_TYPE.get(command.getClass());
        if (verb == null) {
            throw new IllegalArgumentException("no verb runs " + command.getClass().getName());
        }
        return verb.run(actions, me, command);
    }
}
