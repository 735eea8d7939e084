package ciment.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A community: a guild, a project, a practice. Open communities are free to join; closed ones need a
 * steward's approval. An archived community is read-only but still readable. The counts are kept by
 * the store with every membership change. Its stewards' welcome message and guidelines are shown to whoever
 * joins.
 */
public record Community(
        String id,
        Slug slug,
        String name,
        String purpose,
        List<String> tags,
        boolean open,
        boolean archived,
        int memberCount,
        int stewardCount,
        String createdBy,
        Instant createdAt,
        CommunityWelcome welcome) {

    /** The most stewards a community keeps: their ids are a set on its item, which must stay small. */
    public static final int MAX_STEWARDS = 50;

    public Community {
        tags = List.copyOf(tags);
        welcome = welcome == null ? CommunityWelcome.NONE : welcome;
    }

    /** A community whose stewards set no welcome message nor guidelines. */
    public Community(String id, Slug slug, String name, String purpose, List<String> tags, boolean open,
            boolean archived, int memberCount, int stewardCount, String createdBy, Instant createdAt) {
        this(id, slug, name, purpose, tags, open, archived, memberCount, stewardCount, createdBy, createdAt,
                CommunityWelcome.NONE);
    }

    /** The same community with this welcome message and these guidelines. */
    public Community with(CommunityWelcome changed) {
        return new Community(id, slug, name, purpose, tags, open, archived, memberCount, stewardCount, createdBy,
                createdAt, changed);
    }

    /** A new open community with its creator as only member and steward. */
    public static Community founded(String id, Slug slug, String purpose, String createdBy, Instant createdAt) {
        return new Community(id, slug, slug.displayName(), purpose, List.of(), true, false, 1, 1, createdBy, createdAt);
    }
}
