/**
 * What a person reads, in their language: {@link ciment.core.i18n.Message} is what to say (a key and its
 * arguments), {@link ciment.core.i18n.Catalogue} says it in one {@link ciment.core.i18n.Language}. Services and
 * replies carry Messages; adapters say them in the language of the person or channel that reads them.
 */
package ciment.core.i18n;
