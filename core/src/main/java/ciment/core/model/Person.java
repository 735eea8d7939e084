package ciment.core.model;

import ciment.core.i18n.Language;
import java.util.Optional;

/**
 * A person in the network, with the name their chat tool shows. A guest (a partner, supplier or
 * customer: a Slack Connect external user, a Teams guest) sees and joins only where invited.
 * {@code erasing}: the person confirmed erase-my-data and the erasure has not finished (it was
 * interrupted); their next request finishes it.
 *
 * @param language     the language they chose to read Ciment in ({@code language fr}); empty: their chat tool's
 * @param chatLanguage the language their chat tool said they use, when Ciment met the account they write from
 * @param notices      what they are told on their own ({@code notices all|mentions|none}), kept as their language is
 */
public record Person(String id, String displayName, boolean guest, boolean erasing, Optional<Language> language,
        Optional<Language> chatLanguage, NoticeLevel notices) {

    public Person {
        notices = notices == null ? NoticeLevel.ALL : notices;
    }

    /** Told everything (notices all). */
    public Person(String id, String displayName, boolean guest, boolean erasing, Optional<Language> language,
            Optional<Language> chatLanguage) {
        this(id, displayName, guest, erasing, language, chatLanguage, NoticeLevel.ALL);
    }

    public Person(String id, String displayName, boolean guest, boolean erasing) {
        this(id, displayName, guest, erasing, Optional.empty(), Optional.empty());
    }

    public Person(String id, String displayName, boolean guest) {
        this(id, displayName, guest, false);
    }

    /** An employee. */
    public Person(String id, String displayName) {
        this(id, displayName, false);
    }

    public Person choosing(Optional<Language> chosen) {
        return new Person(id, displayName, guest, erasing, chosen, chatLanguage, notices);
    }

    public Person hearing(Optional<Language> said) {
        return new Person(id, displayName, guest, erasing, language, said, notices);
    }

    public Person told(NoticeLevel level) {
        return new Person(id, displayName, guest, erasing, language, chatLanguage, level);
    }
}
