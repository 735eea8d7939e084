package ciment.core.config;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import java.util.List;

/** CIMENT_DEFAULT_LANGUAGE: what Ciment speaks to someone whose language it does not know (default English). */
public final class DefaultLanguage {
    public static final String SETTING = "CIMENT_DEFAULT_LANGUAGE";

    private DefaultLanguage() {
    }

    /** The deployment's language; a language Ciment does not speak is a deployment mistake and stops the function. */
    public static Language fromSettings(Settings settings) {
        List<String> codes = Catalogue.shipped().stream().map(Language::code).toList();
        return settings.get(SETTING).map(tag -> Catalogue.spoken(tag).orElseThrow(
                () -> new IllegalStateException(SETTING + " is " + tag + ": Ciment speaks " + codes)))
                .orElse(Language.ENGLISH);
    }
}
