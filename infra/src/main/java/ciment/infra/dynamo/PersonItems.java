package ciment.infra.dynamo;

import static ciment.infra.dynamo.Items.bool;
import static ciment.infra.dynamo.Items.optional;
import static ciment.infra.dynamo.Items.str;
import static ciment.infra.dynamo.Items.texts;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of a person and back: their PROFILE (with the roles and skills they declared), the identity links
 * of their chat accounts, the claims of their email addresses and their entries in the topics' partitions.
 */
final class PersonItems {
    static final String PERSON_ID = "personId";
    static final String DISPLAY_NAME = "displayName";
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
    static final String ERASING = "erasing";
    /** On PROFILE and each identity link: the language the person chose (absent: their chat tool's). */
    static final String LANGUAGE = "language";
    /** On an identity link: the language the chat tool said the account uses when Ciment met it. */
    static final String CHAT_LANGUAGE = "chatLanguage";
    /** On PROFILE and each identity link, as the language: what the person is told on their own (absent: all). */
    static final String NOTICES = "notices";

    private PersonItems() {
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
        p.language().ifPresent(language -> item.put(LANGUAGE, s(language.code())));
        p.chatLanguage().ifPresent(language -> item.put(CHAT_LANGUAGE, s(language.code())));
        if (p.notices() != NoticeLevel.ALL) {
            item.put(NOTICES, s(p.notices().word()));
        }
        return item;
    }

    static ChatAccount accountOfIdentity(Map<String, AttributeValue> item) {
        return Keys.account(str(item, Keys.PK));
    }

    /** The account of an identity link, with the language its chat tool said when Ciment met it. */
    static People.Linked linkedOfIdentity(Map<String, AttributeValue> item) {
        return new People.Linked(accountOfIdentity(item), language(item, CHAT_LANGUAGE));
    }

    static Person personOfProfile(Map<String, AttributeValue> item) {
        return new Person(Keys.idIn(str(item, Keys.PK), Keys.PERSON_PREFIX), str(item, DISPLAY_NAME), bool(item, GUEST),
                bool(item, ERASING), language(item, LANGUAGE), Optional.empty(), notices(item));
    }

    /**
     * Roles and skills as typed, in the order declared, with their keys as a set for the write conditions; the
     * person with the language PROFILE keeps for them.
     */
    static Profile profile(Person person, Map<String, AttributeValue> item) {
        return new Profile(person.choosing(language(item, LANGUAGE)), texts(item, ROLES), texts(item, SKILLS), optional(item, EMAIL),
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

    static Person personOfIdentity(Map<String, AttributeValue> item) {
        return new Person(str(item, PERSON_ID), str(item, DISPLAY_NAME), bool(item, GUEST), bool(item, ERASING),
                language(item, LANGUAGE), language(item, CHAT_LANGUAGE), notices(item));
    }

    /** An item as it is once the language is set on it (or removed from it, for auto): sizes the update. */
    static Map<String, AttributeValue> withLanguage(Map<String, AttributeValue> item, Optional<Language> language) {
        Map<String, AttributeValue> after = new HashMap<>(item);
        after.remove(LANGUAGE);
        language.ifPresent(chosen -> after.put(LANGUAGE, s(chosen.code())));
        return after;
    }

    /** What the person is told on their own; absent or unknown: all. */
    static NoticeLevel notices(Map<String, AttributeValue> item) {
        return optional(item, NOTICES).flatMap(NoticeLevel::of).orElse(NoticeLevel.ALL);
    }

    /** A language kept as its code; a code no longer valid reads as none (the person's chat tool's applies). */
    private static Optional<Language> language(Map<String, AttributeValue> item, String attribute) {
        return optional(item, attribute).flatMap(Language::ofTag);
    }
}
