package ciment.core.i18n;

/**
 * An argument of a {@link Message} that each language writes its own way, such as an amount of money
 * ("$12.34", "12,34 €"): said when the message is, in the reader's language.
 */
@FunctionalInterface
public interface Localized {
    String in(Catalogue words);
}
