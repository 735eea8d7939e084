package ciment.core.testing;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store in memory, for tests of pure domain logic. The real store (DynamoDB) is tested against
 * the same behaviour on moto's server in the infra module.
 */
public final class InMemoryStore implements Store {
    private final Map<Slug, Community> communities = new TreeMap<>();
    private final Map<String, Membership> memberships = new HashMap<>();
    private final Map<String, Post> posts = new HashMap<>();
    private final Map<ChatAccount, Person> people = new HashMap<>();
    private int writes;

    /** How many changes were stored, to prove a refusal wrote nothing. */
    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized Created create(Community community, Membership firstSteward) {
        if (communities.containsKey(community.slug())) {
            return Created.SLUG_TAKEN;
        }
        communities.put(community.slug(), community);
        memberships.put(key(community.id(), firstSteward.personId()), firstSteward);
        writes++;
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<Community> find(Slug slug) {
        return Optional.ofNullable(communities.get(slug));
    }

    @Override
    public synchronized Joined join(Membership membership) {
        Community community = communities.get(membership.slug());
        if (community == null) {
            return Joined.NO_SUCH_COMMUNITY;
        }
        if (memberships.containsKey(key(membership.communityId(), membership.personId()))) {
            return Joined.ALREADY_MEMBER;
        }
        memberships.put(key(membership.communityId(), membership.personId()), membership);
        recount(community, 1, membership.role() == Role.STEWARD ? 1 : 0);
        writes++;
        return Joined.JOINED;
    }

    @Override
    public synchronized Left leave(String communityId, String personId) {
        Membership membership = memberships.get(key(communityId, personId));
        if (membership == null) {
            return Left.NOT_MEMBER;
        }
        Community community = communities.get(membership.slug());
        if (membership.isSteward() && community.stewardCount() <= 1) {
            return Left.LAST_STEWARD;
        }
        memberships.remove(key(communityId, personId));
        recount(community, -1, membership.isSteward() ? -1 : 0);
        writes++;
        return Left.LEFT;
    }

    @Override
    public synchronized Optional<Membership> membership(String communityId, String personId) {
        return Optional.ofNullable(memberships.get(key(communityId, personId)));
    }

    @Override
    public synchronized List<Membership> membershipsOf(String personId) {
        return memberships.values().stream().filter(m -> m.personId().equals(personId)).toList();
    }

    @Override
    public synchronized List<Community> catalog() {
        return new ArrayList<>(communities.values());
    }

    @Override
    public synchronized boolean add(Post post) {
        if (posts.containsKey(post.id())) {
            return false;
        }
        posts.put(post.id(), post);
        writes++;
        return true;
    }

    @Override
    public synchronized List<Post> latest(String communityId, int limit) {
        return posts.values().stream()
                .filter(p -> p.communityId().equals(communityId))
                .sorted(Comparator.comparing(Post::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Person> find(ChatAccount account) {
        return Optional.ofNullable(people.get(account));
    }

    @Override
    public synchronized Person register(ChatAccount account, Person person) {
        Person existing = people.putIfAbsent(account, person);
        if (existing == null) {
            writes++;
            return person;
        }
        return existing;
    }

    private void recount(Community c, int members, int stewards) {
        communities.put(c.slug(), new Community(c.id(), c.slug(), c.name(), c.purpose(), c.open(),
                c.memberCount() + members, c.stewardCount() + stewards, c.createdBy(), c.createdAt()));
    }

    private static String key(String communityId, String personId) {
        return communityId + "/" + personId;
    }
}
