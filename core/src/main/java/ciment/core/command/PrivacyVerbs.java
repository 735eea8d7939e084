package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import java.util.List;

/** My data: a file of everything Ciment holds about me, and erasing it. */
public final class PrivacyVerbs {

    /** {@code export-my-data}: a file of everything Ciment holds about me, sent to my direct messages. */
    public record ExportMyData() implements Command {
    }

    /** {@code erase-my-data} (says what would go) or {@code erase-my-data confirm} (deletes it). */
    public record EraseMyData(boolean confirm) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(ExportMyData.class, "export-my-data", "export-my-data", Verb.NO_EXAMPLE,
                    words -> {
                        words.none(Message.of("core.export.extra"));
                        return new ExportMyData();
                    },
                    (a, me, c) -> a.privacy().export(me.person(), me.caller())),
            Verb.typed(EraseMyData.class, "erase-my-data", "erase-my-data", Verb.NO_EXAMPLE,
                    PrivacyVerbs::erase,
                    (a, me, c) -> a.privacy().erase(me.person(), c.confirm())));

    private PrivacyVerbs() {
    }

    /** Only the exact word confirm erases: anything else could be a slip. */
    private static Command erase(Words words) {
        String rest = words.rest();
        if (rest.isEmpty()) {
            return new EraseMyData(false);
        }
        if (rest.equalsIgnoreCase("confirm")) {
            return new EraseMyData(true);
        }
        throw new Refusal(Message.of("core.erase.unconfirmed"));
    }
}
