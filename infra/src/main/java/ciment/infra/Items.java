package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records to items and back. Ids that the key already holds are not repeated in a post or a
 * membership, to keep the items (and so their read and write units) small.
 */
final class Items {
    static final String COMMUNITY_ID = "communityId";
    static final String PERSON_ID = "personId";
    static final String DISPLAY_NAME = "displayName";
    static final String MEMBER_COUNT = "memberCount";
    static final String STEWARD_COUNT = "stewardCount";
    static final String ROLE = "role";

    private Items() {
    }

    static Map<String, AttributeValue> community(Community c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.communityMeta(c.id()));
        item.put(Keys.GSI1_PK, s(Keys.CATALOG));
        item.put(Keys.GSI1_SK, s(c.slug().value()));
        item.put("id", s(c.id()));
        item.put("slug", s(c.slug().value()));
        item.put("name", s(c.name()));
        item.put("purpose", s(c.purpose()));
        item.put("open", AttributeValue.fromBool(c.open()));
        item.put(MEMBER_COUNT, n(c.memberCount()));
        item.put(STEWARD_COUNT, n(c.stewardCount()));
        item.put("createdBy", s(c.createdBy()));
        item.put("createdAt", s(c.createdAt().toString()));
        return item;
    }

    static Community community(Map<String, AttributeValue> item) {
        return new Community(str(item, "id"), new Slug(str(item, "slug")), str(item, "name"), str(item, "purpose"),
                item.get("open").bool(), num(item, MEMBER_COUNT), num(item, STEWARD_COUNT), str(item, "createdBy"),
                Instant.parse(str(item, "createdAt")));
    }

    /** The claim that makes a slug unique: it exists once, and names its community. */
    static Map<String, AttributeValue> slugClaim(Community c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.slugClaim(c.slug()));
        item.put(COMMUNITY_ID, s(c.id()));
        return item;
    }

    static Map<String, AttributeValue> membership(Membership m) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.membership(m.communityId(), m.personId()));
        item.put(Keys.GSI1_PK, s(Keys.person(m.personId())));
        item.put(Keys.GSI1_SK, s(Keys.community(m.communityId())));
        item.put("slug", s(m.slug().value()));
        item.put(ROLE, s(m.role().name()));
        item.put("since", s(m.since().toString()));
        return item;
    }

    static Membership membership(Map<String, AttributeValue> item) {
        return new Membership(Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                Keys.idIn(str(item, Keys.SK), Keys.MEMBER_PREFIX), Role.valueOf(str(item, ROLE)),
                Instant.parse(str(item, "since")));
    }

    /** A post is not in the index: a copy there would double its write units. */
    static Map<String, AttributeValue> post(Post p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.community(p.communityId()), Keys.post(p.id())));
        item.put("slug", s(p.slug().value()));
        item.put("authorId", s(p.authorId()));
        item.put("authorName", s(p.authorName()));
        item.put("origin", s(p.origin().key()));
        item.put("text", s(p.text()));
        item.put("createdAt", s(p.createdAt().toString()));
        return item;
    }

    static Post post(Map<String, AttributeValue> item) {
        return new Post(Keys.idIn(str(item, Keys.SK), Keys.POST_PREFIX),
                Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                str(item, "authorId"), str(item, "authorName"),
                Platform.valueOf(str(item, "origin").toUpperCase(Locale.ROOT)), str(item, "text"),
                Instant.parse(str(item, "createdAt")));
    }

    static Map<String, AttributeValue> profile(Person p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.person(p.id()), Keys.PROFILE));
        item.put(DISPLAY_NAME, s(p.displayName()));
        return item;
    }

    /** The link from a chat account to its person, with the name: resolving a caller is one read. */
    static Map<String, AttributeValue> identity(ChatAccount account, Person p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.identityLink(account));
        item.put(PERSON_ID, s(p.id()));
        item.put(DISPLAY_NAME, s(p.displayName()));
        return item;
    }

    static Person personOfIdentity(Map<String, AttributeValue> item) {
        return new Person(str(item, PERSON_ID), str(item, DISPLAY_NAME));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item " + item.get(Keys.PK) + " / " + item.get(Keys.SK) + " has no text " + name);
        }
        return value.s();
    }

    static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
