package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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
    static final String OPEN = "open";
    static final String ARCHIVED = "archived";
    static final String PURPOSE = "purpose";
    static final String TAGS = "tags";
    static final String STEWARDS = "stewards";
    static final String ROLES = "roles";
    static final String ROLE_KEYS = "roleKeys";
    static final String SKILLS = "skills";
    static final String SKILL_KEYS = "skillKeys";
    static final String GUEST = "guest";
    static final String EMAIL = "email";
    /** On PROFILE: the organisation that vouched for its email address (absent: an address from before vouching). */
    static final String EMAIL_VOUCHED_BY = "emailVouchedBy";
    /** On an email claim: the organisation that vouched for the address (absent: a claim from before vouching). */
    static final String VOUCHED_BY = "vouchedBy";
    static final String MERGED_INTO = "mergedInto";
    static final String REPLY_TO = "replyTo";
    static final String PLATFORM = "platform";
    static final String WORKSPACE = "workspace";
    static final String USER_ID = "userId";
    static final String CONVERSATION_ID = "conversationId";
    static final String SERVICE_URL = "serviceUrl";
    static final String TEXT = "text";
    static final String AT = "at";
    static final String EXPIRES_AT = "expiresAt";
    static final String PERSONAL_DATA_OF = "personalDataOf";
    static final String ABOUT_POST = "aboutPost";
    static final String QUESTION = "question";
    static final String ANSWER_ID = "answerId";
    static final String PINNED = "pinned";
    static final String ERASING = "erasing";
    static final String REMOVED = "removed";
    static final String REPLIES = "replies";
    static final String LATEST_REPLY = "latestReply";
    static final String HIDDEN = "hidden";
    static final String EDITED = "edited";
    /** A reaction count on a post: one number attribute per emoji, R#<emoji>, kept by atomic ADD. */
    static final String REACTION_PREFIX = "R#";
    static final String CREATED_BY = "createdBy";
    static final String INVITED_BY = "invitedBy";
    static final String POST_PK = "postPk";
    static final String POST_SK = "postSk";

    private Items() {
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
        item.put("createdBy", s(c.createdBy()));
        item.put("createdAt", s(c.createdAt().toString()));
        return item;
    }

    static Community community(Map<String, AttributeValue> item) {
        return new Community(str(item, "id"), new Slug(str(item, "slug")), str(item, "name"), str(item, PURPOSE),
                texts(item, TAGS), item.get(OPEN).bool(), bool(item, ARCHIVED), num(item, MEMBER_COUNT),
                num(item, STEWARD_COUNT), optional(item, CREATED_BY).orElse(""), Instant.parse(str(item, "createdAt")));
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
     * A post is not in the first index: a copy there would double its write units. It is in the second
     * (keys only: one small write) under its author, so that erasing them finds their posts.
     */
    static Map<String, AttributeValue> post(Post p) {
        Map<String, AttributeValue> item = new HashMap<>(postKey(p));
        item.put(Keys.GSI2_PK, s(Keys.person(p.authorId())));
        item.put(Keys.GSI2_SK, s(Keys.post(p.id())));
        item.put("slug", s(p.slug().value()));
        item.put("authorId", s(p.authorId()));
        item.put("authorName", s(p.authorName()));
        item.put("origin", s(p.origin().key()));
        item.put("text", s(p.text()));
        item.put("createdAt", s(p.createdAt().toString()));
        if (p.isQuestion()) {
            // In the first index under its community's questions: ask costs one index write more than post.
            item.put(QUESTION, AttributeValue.fromBool(true));
            item.put(Keys.GSI1_PK, s(Keys.questions(p.communityId())));
            item.put(Keys.GSI1_SK, s(Keys.question(p.id(), false)));
        }
        return item;
    }

    /**
     * A thread's first post is {@code C#<communityId>} / {@code POST#<id>}; a reply {@code C#<communityId>} /
     * {@code THREAD#<rootId>#<id>}: beside its thread, out of the feed's POST# range, found by its key.
     */
    static Map<String, AttributeValue> postKey(Post p) {
        return Keys.key(Keys.community(p.communityId()), p.isReply() ? Keys.reply(p.rootId(), p.id()) : Keys.post(p.id()));
    }

    /**
     * A removed post (its author erased their data or deleted it) has no author and no text: it reads as
     * removed, keeping its replies and counts. A hidden one shows the steward's reason in place of its text.
     */
    static Post post(Map<String, AttributeValue> item) {
        String sk = str(item, Keys.SK);
        boolean reply = sk.startsWith(Keys.THREAD_PREFIX);
        String id = reply ? sk.substring(sk.lastIndexOf('#') + 1) : Keys.idIn(sk, Keys.POST_PREFIX);
        String rootId = reply ? Keys.idIn(sk, Keys.THREAD_PREFIX).split("#")[0] : null;
        Map<String, Integer> reactions = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(REACTION_PREFIX) && value.n() != null) {
                reactions.put(name.substring(REACTION_PREFIX.length()), Integer.parseInt(value.n()));
            }
        });
        boolean removed = bool(item, REMOVED);
        Post post = new Post(id, Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                removed ? null : str(item, "authorId"), removed ? Post.REMOVED : str(item, "authorName"),
                platform(str(item, "origin")), removed ? Post.REMOVED_TEXT : str(item, "text"),
                Instant.parse(str(item, "createdAt")), rootId,
                item.containsKey(REPLIES) ? num(item, REPLIES) : 0, optional(item, LATEST_REPLY).orElse(null),
                reactions, null, bool(item, EDITED),
                new Post.Marks(bool(item, QUESTION), optional(item, ANSWER_ID).orElse(null), bool(item, PINNED)));
        if (removed) {
            return post.asRemoved();
        }
        return optional(item, HIDDEN).map(post::hiddenFor).orElse(post);
    }

    static Map<String, AttributeValue> profile(Person p) {
        return profile(p, Optional.empty());
    }

    /** A new person's PROFILE, with the vouched address that links their accounts when there is one. */
    static Map<String, AttributeValue> profile(Person p, Optional<VouchedAddress> address) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.person(p.id()), Keys.PROFILE));
        item.put(DISPLAY_NAME, s(p.displayName()));
        item.put(GUEST, AttributeValue.fromBool(p.guest()));
        address.ifPresent(vouched -> {
            item.put(EMAIL, s(Keys.address(vouched.email())));
            item.put(EMAIL_VOUCHED_BY, s(vouched.organisation()));
        });
        return item;
    }

    /** The claim that makes an email address belong to one person, with the organisation that vouched for it. */
    static Map<String, AttributeValue> emailClaim(VouchedAddress address, String personId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.emailClaim(address.email()));
        item.put(PERSON_ID, s(personId));
        item.put(VOUCHED_BY, s(address.organisation()));
        return item;
    }

    /** The address a claim vouches for, with its organisation; empty for a claim from before vouching. */
    static Optional<VouchedAddress> vouched(Map<String, AttributeValue> claim) {
        String address = Keys.idIn(str(claim, Keys.PK), Keys.EMAIL_PREFIX);
        return optional(claim, VOUCHED_BY).map(organisation -> new VouchedAddress(address, organisation));
    }

    /**
     * The link from a chat account to its person, with the name: resolving a caller is one read. It is
     * also in the index under its person, so that a person's accounts are one query.
     */
    static Map<String, AttributeValue> identity(ChatAccount account, Person p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.identityLink(account));
        item.put(Keys.GSI1_PK, s(Keys.person(p.id())));
        item.put(Keys.GSI1_SK, s(Keys.identity(account)));
        item.put(PERSON_ID, s(p.id()));
        item.put(DISPLAY_NAME, s(p.displayName()));
        item.put(GUEST, AttributeValue.fromBool(p.guest()));
        return item;
    }

    /** A post that carries the words of the account's user: the post's key, beside the account's link. */
    static Map<String, AttributeValue> credit(ChatAccount author, Post p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.credit(author, p.id()));
        Map<String, AttributeValue> post = postKey(p);
        item.put(POST_PK, post.get(Keys.PK));
        item.put(POST_SK, post.get(Keys.SK));
        return item;
    }

    /** The key of the post a credit names. */
    static Map<String, AttributeValue> creditedPost(Map<String, AttributeValue> credit) {
        return Map.of(Keys.PK, credit.get(POST_PK), Keys.SK, credit.get(POST_SK));
    }

    static ChatAccount accountOfIdentity(Map<String, AttributeValue> item) {
        return Keys.account(str(item, Keys.PK));
    }

    static Person personOfProfile(Map<String, AttributeValue> item) {
        return new Person(Keys.idIn(str(item, Keys.PK), Keys.PERSON_PREFIX), str(item, DISPLAY_NAME), bool(item, GUEST),
                bool(item, ERASING));
    }

    /** Roles and skills as typed, in the order declared, with their keys as a set for the write conditions. */
    static Profile profile(Person person, Map<String, AttributeValue> item) {
        return new Profile(person, texts(item, ROLES), texts(item, SKILLS), optional(item, EMAIL),
                optional(item, EMAIL_VOUCHED_BY));
    }

    /** The attribute holding the typed texts of a kind, and the one holding their keys. */
    static String textsOf(People.Kind kind) {
        return kind == People.Kind.ROLE ? ROLES : SKILLS;
    }

    static String keysOf(People.Kind kind) {
        return kind == People.Kind.ROLE ? ROLE_KEYS : SKILL_KEYS;
    }

    /** Where `who` finds a person: the topic's partition, one entry per person and kind, with the name. */
    static Map<String, AttributeValue> topicEntry(Topic topic, Person person, People.Kind kind) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.topicEntry(topic.key(), person.id(), kind));
        item.put(DISPLAY_NAME, s(person.displayName()));
        return item;
    }

    static Person personOfTopicEntry(Map<String, AttributeValue> item) {
        String personAndKind = Keys.idIn(str(item, Keys.SK), Keys.PERSON_PREFIX);
        return new Person(personAndKind.substring(0, personAndKind.lastIndexOf('#')), str(item, DISPLAY_NAME));
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

    /**
     * Where a message goes, as attributes: the account's platform (slack|teams), workspace and user id, and
     * the conversation and Teams serviceUrl when there are (absent for a direct message, or outside Teams).
     */
    static Map<String, AttributeValue> recipient(Recipient r) {
        Map<String, AttributeValue> fields = new HashMap<>();
        fields.put(PLATFORM, s(r.account().platform().key()));
        fields.put(WORKSPACE, s(r.account().workspace()));
        fields.put(USER_ID, s(r.account().userId()));
        if (r.conversationId() != null) {
            fields.put(CONVERSATION_ID, s(r.conversationId()));
        }
        if (r.serviceUrl() != null) {
            fields.put(SERVICE_URL, s(r.serviceUrl()));
        }
        return fields;
    }

    static Recipient recipient(Map<String, AttributeValue> fields) {
        ChatAccount account = new ChatAccount(platform(str(fields, PLATFORM)), str(fields, WORKSPACE),
                str(fields, USER_ID));
        return new Recipient(account, optional(fields, CONVERSATION_ID).orElse(null),
                optional(fields, SERVICE_URL).orElse(null));
    }

    static Platform platform(String key) {
        return Platform.valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * A notice in the outbox: its recipient's fields at the top level (the stream filters match on
     * {@code platform}), the text, when it was written, and when DynamoDB may delete it (epoch seconds).
     */
    static Map<String, AttributeValue> notice(Notice n, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.outbox(n.id()));
        item.putAll(recipient(n.to()));
        item.put(TEXT, s(n.text()));
        item.put(AT, s(n.at().toString()));
        item.put(EXPIRES_AT, n(expiresAt.getEpochSecond()));
        if (n.carriesPersonalData()) {
            item.put(PERSONAL_DATA_OF, s(n.personalDataOf()));
        }
        if (n.isAboutPost()) {
            item.put(ABOUT_POST, s(n.post()));
        }
        // Under the account it is for, in the keys-only index: erasing the person deletes it.
        item.put(Keys.GSI2_PK, s(Keys.identity(n.to().account())));
        item.put(Keys.GSI2_SK, s(Keys.OUTBOX_PREFIX + n.id()));
        return item;
    }

    static Notice notice(Map<String, AttributeValue> item) {
        return new Notice(Keys.idIn(str(item, Keys.PK), Keys.OUTBOX_PREFIX), recipient(item), str(item, TEXT),
                Instant.parse(str(item, AT)), optional(item, PERSONAL_DATA_OF).orElse(null),
                optional(item, ABOUT_POST).orElse(null));
    }

    static Person personOfIdentity(Map<String, AttributeValue> item) {
        return new Person(str(item, PERSON_ID), str(item, DISPLAY_NAME), bool(item, GUEST), bool(item, ERASING));
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

    /** A text attribute that may be absent. */
    static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item " + item.get(Keys.PK) + " / " + item.get(Keys.SK) + " has no text " + name);
        }
        return value.s();
    }

    /** A list of strings; absent (an item written before the attribute existed) is empty. */
    static List<String> texts(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Keys::s).toList());
    }

    /** A flag; absent (an item written before the attribute existed) is false. */
    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
