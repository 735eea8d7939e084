package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import java.time.Instant;
import java.util.Optional;

/**
 * A channel linked to a community by one of its stewards: its messages become posts, the posts appear there.
 *
 * @param language the language its stewards set for what Ciment writes on the copies of posts there (who wrote
 *                 them, where, "removed"...); empty: the deployment's (CIMENT_DEFAULT_LANGUAGE). The posts'
 *                 words are their authors' and never translated.
 */
public record Link(String communityId, Slug slug, Channel channel, String linkedBy, Instant at,
        Optional<Language> language) {

    public Link {
        language = language == null ? Optional.empty() : language;
    }

    /** A link in the deployment's language. */
    public Link(String communityId, Slug slug, Channel channel, String linkedBy, Instant at) {
        this(communityId, slug, channel, linkedBy, at, Optional.empty());
    }

    /** The same link, its copies said in {@code chosen} (empty: the deployment's language). */
    public Link speaking(Optional<Language> chosen) {
        return new Link(communityId, slug, channel, linkedBy, at, chosen);
    }

    /**
     * The words the channel's copies are said in: its stewards' language (core's delivery sets the deployment's
     * on a link that has none before handing it to a sender), else English.
     */
    public Catalogue words() {
        return Catalogue.first(language);
    }
}
