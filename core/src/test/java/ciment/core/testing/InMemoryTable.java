package ciment.core.testing;

import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Link;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the table holds, in memory, shared by the in-memory repositories (one per port) as the DynamoDB ones
 * share one table. Each repository works under this object's lock, so that a change is as atomic as the table's.
 */
final class InMemoryTable {
    final Map<Slug, Community> communities = new TreeMap<>();
    final Map<String, Membership> memberships = new HashMap<>();
    final Map<String, Post> posts = new HashMap<>();
    /** Replies by id, apart from posts as in the table (feeds read first posts only). */
    final Map<String, Post> replies = new HashMap<>();
    /** "postId#emoji#personId" of each reaction. */
    final Set<String> reactions = new HashSet<>();
    final List<AuditEntry> audits = new ArrayList<>();
    final Map<ChatAccount, Person> people = new HashMap<>();
    final Map<String, JoinRequest> requests = new LinkedHashMap<>();
    final Map<String, Invitation> invitations = new LinkedHashMap<>();
    final Map<String, String> emails = new HashMap<>();
    /** Address to the organisation that vouched for it (none: claimed before vouching). */
    final Map<String, String> vouchers = new HashMap<>();
    final Map<String, String> mergedInto = new HashMap<>();
    /** The ids of the posts saved with the words of each account's user. */
    final Map<ChatAccount, Set<String>> credits = new HashMap<>();
    final List<Notice> outbox = new ArrayList<>();
    /** The marks of notices sent once and for all (introductions). */
    final java.util.Set<ciment.core.port.Notices.Once> marks = new java.util.HashSet<>();
    /** person id, then "ROLE"/"SKILL" + topic key, to the topic as typed. */
    final Map<String, Map<String, Topic>> declared = new HashMap<>();
    /** person id to the roles an admin granted them. */
    final Map<String, Set<Grant>> grants = new HashMap<>();
    /** "personId#kind#windowStart" to the writes counted in that window (not among {@link #writes}: no content). */
    final Map<String, Integer> quotas = new HashMap<>();
    final Map<String, Link> links = new HashMap<>();
    /** Each person's digest item, by person id. */
    final Map<String, ciment.core.port.Digests.Subscriber> digests = new HashMap<>();
    final Map<String, String> copies = new HashMap<>();
    /** How many changes were stored, to prove a refusal wrote nothing. */
    int writes;
    /** Told of each post or reply as it is stored, as the table's stream would tell the delivery functions. */
    Consumer<Post> stored = post -> { };

    static String key(String communityId, String personId) {
        return communityId + "/" + personId;
    }

    Community byId(String communityId) {
        return communities.values().stream().filter(c -> c.id().equals(communityId)).findFirst().orElseThrow();
    }

    void recount(Community c, int members, int stewards) {
        communities.put(c.slug(), new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), c.open(), c.archived(),
                c.memberCount() + members, c.stewardCount() + stewards, c.createdBy(), c.createdAt(), c.welcome()));
    }

    Optional<Person> byPersonId(String personId) {
        return people.values().stream().filter(p -> p.id().equals(personId)).findFirst();
    }

    /** The person's id and the ids of the people merged into them, however many merges ago. */
    Set<String> withAliases(String personId) {
        Set<String> ids = new HashSet<>(Set.of(personId));
        boolean grew = true;
        while (grew) {
            grew = mergedInto.entrySet().stream().filter(e -> ids.contains(e.getValue())).map(Map.Entry::getKey)
                    .map(ids::add).reduce(false, Boolean::logicalOr);
        }
        return ids;
    }

    /** The ids of the posts credited to these accounts. */
    Set<String> credited(Collection<ChatAccount> accounts) {
        Set<String> ids = new HashSet<>();
        accounts.forEach(account -> ids.addAll(credits.getOrDefault(account, Set.of())));
        return ids;
    }

    /** The post or reply as stored now. */
    Post current(Post post) {
        return post.isReply() ? replies.get(post.id()) : posts.get(post.id());
    }

    void store(Post post) {
        (post.isReply() ? replies : posts).put(post.id(), post);
    }
}
