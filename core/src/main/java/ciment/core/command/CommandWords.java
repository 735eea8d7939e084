package ciment.core.command;

import ciment.core.i18n.Catalogue;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words people type for the verbs, in every language Ciment speaks: English as the verbs declare them, and
 * each catalogue's {@code command.<word>} ("rejoindre" for join). Any language's words work for everyone, typed
 * with or without accents, in any case.
 */
final class CommandWords {
    private final Map<String, String> declaredByFolded;

    private CommandWords(Map<String, String> declaredByFolded) {
        this.declaredByFolded = Map.copyOf(declaredByFolded);
    }

    /** Two verbs that one typed word would say, in any languages, stop the start: the grammar must be one. */
    static CommandWords of(Collection<String> declared, List<Catalogue> catalogues) {
        Map<String, String> byFolded = new HashMap<>();
        for (String word : declared) {
            add(byFolded, fold(word), word);
            for (Catalogue catalogue : catalogues) {
                catalogue.pattern("command." + word).ifPresent(local -> {
                    for (String alternative : local.split("\\|")) {
                        add(byFolded, fold(alternative), word);
                    }
                });
            }
        }
        return new CommandWords(byFolded);
    }

    private static void add(Map<String, String> byFolded, String folded, String declared) {
        String before = byFolded.putIfAbsent(folded, declared);
        if (before != null && !before.equals(declared)) {
            throw new IllegalStateException("“" + folded + "” would say both " + before + " and " + declared);
        }
    }

    /** The declared word a typed one says ("join" for "Rejoindre"); empty when it is no verb's. */
    String declared(String typed) {
        return declaredByFolded.getOrDefault(fold(typed), "");
    }

    /** Lower case, without accents: "Épingler" and "epingler" are one word. */
    static String fold(String typed) {
        return Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
