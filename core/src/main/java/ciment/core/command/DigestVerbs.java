package ciment.core.command;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.DigestCadence;
import ciment.core.model.Refusal;
import java.util.List;
import java.util.Optional;

/** The digest: how often Ciment sends me what happened in my communities. */
public final class DigestVerbs {

    /** {@code digest} (says the cadence that applies) or {@code digest weekly|daily|off}. */
    public record Digest(Optional<DigestCadence> cadence) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Digest.class, "digest", "digest [frequency]", Verb.NO_EXAMPLE,
                    DigestVerbs::read,
                    (a, me, c) -> c.cadence().map(cadence -> a.digests().choose(me.person(), cadence))
                            .orElseGet(() -> a.digests().show(me.person()))));

    private DigestVerbs() {
    }

    /** The cadence in any language Ciment speaks ("weekly", "hebdo"), with or without accents. */
    private static Command read(Words words) {
        String typed = words.rest();
        if (typed.isEmpty()) {
            return new Digest(Optional.empty());
        }
        String folded = CommandWords.fold(typed);
        for (DigestCadence cadence : DigestCadence.values()) {
            for (Language language : Catalogue.shipped()) {
                Optional<String> said = Catalogue.of(language).flatMap(catalogue -> catalogue.pattern(cadence.wordsKey()));
                if (said.isPresent() && List.of(said.get().split("\\|")).stream().map(CommandWords::fold)
                        .anyMatch(folded::equals)) {
                    return new Digest(Optional.of(cadence));
                }
            }
        }
        throw new Refusal(Message.of("digest.unknown", Message.verbatim(typed)));
    }
}
