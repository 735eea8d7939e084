package ciment.core.service;

import ciment.core.Refusal;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creating, joining, leaving and discovering communities. */
final class CommunityActions {
    static final int LIST_LIMIT = 20;

    private final Communities communities;
    private final Clock clock;

    CommunityActions(Communities communities, Clock clock) {
        this.communities = communities;
        this.clock = clock;
    }

    Reply create(Person creator, Slug slug, String purpose) {
        Instant now = clock.instant();
        Community community = new Community(Ulid.random(now), slug, slug.displayName(), purpose, true, 1, 1,
                creator.id(), now);
        Membership steward = new Membership(community.id(), slug, creator.id(), Role.STEWARD, now);
        return switch (communities.create(community, steward)) {
            case CREATED -> new Reply.Done("Created " + slug + ": you are its first steward. Colleagues join with join "
                    + slug + ".");
            case SLUG_TAKEN -> new Reply.Refused("The name " + slug + " is taken: pick another name, or join "
                    + slug + ".");
        };
    }

    Reply join(Person person, Slug slug) {
        Community community = existing(slug);
        Membership membership = new Membership(community.id(), slug, person.id(), Role.MEMBER, clock.instant());
        return switch (communities.join(membership)) {
            case JOINED -> new Reply.Done("Welcome to " + slug + ": post with post " + slug + " <text>.");
            case ALREADY_MEMBER -> new Reply.Refused("You are already a member of " + slug + ".");
            case NO_SUCH_COMMUNITY -> new Reply.Refused(noSuch(slug));
        };
    }

    Reply leave(Person person, Slug slug) {
        Community community = existing(slug);
        return switch (communities.leave(community.id(), person.id())) {
            case LEFT -> new Reply.Done("You left " + slug + ".");
            case NOT_MEMBER -> new Reply.Refused("You are not a member of " + slug + ", so there is nothing to leave.");
            case LAST_STEWARD -> new Reply.Refused("You are the only steward of " + slug
                    + ", and a community always keeps one: it needs another steward before you can leave.");
        };
    }

    Reply discover(Person person, String query) {
        String folded = Text.fold(query);
        Set<String> mine = communities.membershipsOf(person.id()).stream()
                .map(Membership::communityId)
                .collect(Collectors.toSet());
        List<Reply.Listed> found = communities.catalog().stream()
                .filter(c -> folded.isEmpty() || matches(c, folded))
                .sorted(Comparator.comparingInt(Community::memberCount).reversed().thenComparing(Community::slug))
                .limit(LIST_LIMIT)
                .map(c -> new Reply.Listed(c, mine.contains(c.id())))
                .toList();
        return new Reply.CommunityList(query, found);
    }

    Community existing(Slug slug) {
        return communities.find(slug).orElseThrow(() -> new Refusal(noSuch(slug)));
    }

    private static boolean matches(Community community, String foldedQuery) {
        String haystack = Text.fold(community.slug() + " " + community.name() + " " + community.purpose());
        for (String word : foldedQuery.split(" ")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String noSuch(Slug slug) {
        return "There is no community called " + slug + ": send communities to find one, or create it.";
    }
}
