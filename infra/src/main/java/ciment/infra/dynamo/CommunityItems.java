package ciment.infra.dynamo;

import static ciment.infra.dynamo.Items.bool;
import static ciment.infra.dynamo.Items.n;
import static ciment.infra.dynamo.Items.num;
import static ciment.infra.dynamo.Items.optional;
import static ciment.infra.dynamo.Items.recipient;
import static ciment.infra.dynamo.Items.str;
import static ciment.infra.dynamo.Items.strings;
import static ciment.infra.dynamo.Items.texts;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of a community's partition and back: its META, its slug's claim, its memberships, join requests
 * and invitations. Ids that the key already holds are not repeated in a membership, to keep it small.
 */
final class CommunityItems {
    static final String COMMUNITY_ID = "communityId";
    static final String MEMBER_COUNT = "memberCount";
    static final String STEWARD_COUNT = "stewardCount";
    static final String ROLE = "role";
    static final String OPEN = "open";
    static final String ARCHIVED = "archived";
    static final String PURPOSE = "purpose";
    /** The stewards' welcome message and guidelines: absent when not set. */
    static final String WELCOME = "welcome";
    static final String GUIDELINES = "guidelines";
    static final String TAGS = "tags";
    static final String STEWARDS = "stewards";
    static final String CREATED_BY = "createdBy";
    static final String INVITED_BY = "invitedBy";
    static final String REPLY_TO = "replyTo";

    private CommunityItems() {
    }

    /**
     * A community's META item. Beside the counts it keeps its stewards' person ids, changed in the same
     * writes as stewardCount, so that naming the stewards is one read whatever the community's size.
     */
    static Map<String, AttributeValue> community(Community c, Collection<String> stewardIds) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.communityMeta(c.id()));
        item.put(Keys.GSI1_PK, s(Keys.CATALOG));
        item.put(Keys.GSI1_SK, s(c.slug().value()));
        item.put("id", s(c.id()));
        item.put("slug", s(c.slug().value()));
        item.put("name", s(c.name()));
        item.put(PURPOSE, s(c.purpose()));
        item.put(TAGS, strings(c.tags()));
        item.put(OPEN, AttributeValue.fromBool(c.open()));
        item.put(ARCHIVED, AttributeValue.fromBool(c.archived()));
        item.put(MEMBER_COUNT, n(c.memberCount()));
        item.put(STEWARD_COUNT, n(c.stewardCount()));
        if (!stewardIds.isEmpty()) {
            // A string set cannot be empty; a community always has a steward, so it only is while being made.
            item.put(STEWARDS, AttributeValue.fromSs(List.copyOf(new TreeSet<>(stewardIds))));
        }
        if (!c.welcome().message().isEmpty()) {
            item.put(WELCOME, s(c.welcome().message()));
        }
        if (!c.welcome().guidelines().isEmpty()) {
            item.put(GUIDELINES, s(c.welcome().guidelines()));
        }
        item.put("createdBy", s(c.createdBy()));
        item.put("createdAt", s(c.createdAt().toString()));
        return item;
    }

    static Community community(Map<String, AttributeValue> item) {
        return new Community(str(item, "id"), new Slug(str(item, "slug")), str(item, "name"), str(item, PURPOSE),
                texts(item, TAGS), item.get(OPEN).bool(), bool(item, ARCHIVED), num(item, MEMBER_COUNT),
                num(item, STEWARD_COUNT), optional(item, CREATED_BY).orElse(""), Instant.parse(str(item, "createdAt")),
                new CommunityWelcome(optional(item, WELCOME).orElse(""), optional(item, GUIDELINES).orElse("")));
    }

    /** The person ids of a META item's stewards, sorted. */
    static List<String> stewards(Map<String, AttributeValue> meta) {
        AttributeValue set = meta.get(STEWARDS);
        return set == null || !set.hasSs() ? List.of() : set.ss().stream().sorted().toList();
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

    /**
     * A join request, in its community's partition; the person's id is in the key. It is in the index
     * under its person, so that merging two people finds their requests.
     */
    static Map<String, AttributeValue> joinRequest(JoinRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.joinRequest(r.communityId(), r.personId()));
        item.put(Keys.GSI1_PK, s(Keys.person(r.personId())));
        item.put(Keys.GSI1_SK, s(Keys.request(Keys.community(r.communityId()))));
        item.put("slug", s(r.slug().value()));
        item.put("personName", s(r.personName()));
        item.put("at", s(r.at().toString()));
        if (r.replyTo() != null) {
            item.put(REPLY_TO, AttributeValue.fromM(recipient(r.replyTo())));
        }
        return item;
    }

    /** A request filed before answers were told (no replyTo) reads back with a null replyTo. */
    static JoinRequest joinRequest(Map<String, AttributeValue> item) {
        AttributeValue replyTo = item.get(REPLY_TO);
        return new JoinRequest(Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                Keys.idIn(str(item, Keys.SK), Keys.REQUEST_PREFIX), str(item, "personName"),
                Instant.parse(str(item, "at")), replyTo == null || !replyTo.hasM() ? null : recipient(replyTo.m()));
    }

    /** An invitation, in its community's partition and in the index under its person (a guest's communities). */
    static Map<String, AttributeValue> invitation(Invitation i) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.invitation(i.communityId(), i.personId()));
        item.put(Keys.GSI1_PK, s(Keys.person(i.personId())));
        item.put(Keys.GSI1_SK, s(Keys.invitation(Keys.community(i.communityId()))));
        if (!i.invitedBy().isEmpty()) {
            // Under the steward who gave it, in the keys-only index: erasing them removes their name from it.
            item.put(Keys.GSI2_PK, s(Keys.person(i.invitedBy())));
            item.put(Keys.GSI2_SK, s(Keys.invitation(Keys.community(i.communityId())) + "#" + i.personId()));
        }
        item.put("slug", s(i.slug().value()));
        item.put(INVITED_BY, s(i.invitedBy()));
        item.put("at", s(i.at().toString()));
        return item;
    }

    static Invitation invitation(Map<String, AttributeValue> item) {
        return new Invitation(Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                Keys.idIn(str(item, Keys.SK), Keys.INVITATION_PREFIX), optional(item, INVITED_BY).orElse(""),
                Instant.parse(str(item, "at")));
    }
}
