package ciment.infra.dynamo;

import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import ciment.infra.dynamo.Table.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * People, the chat accounts that lead to them, and what they declare. A person's roles and skills are
 * kept on their PROFILE item as typed; each is also an entry in its topic's partition
 * ({@code TOPIC#<key>}), so that `who` is one query. A vouched email address links one person's
 * accounts: its claim ({@code EMAIL#<address>}) names the person who holds it ({@code personId}) and the
 * organisation that vouched for it ({@code vouchedBy}), as PROFILE does ({@code email}, {@code emailVouchedBy}).
 * A claim or address without it was written before addresses were vouched for: it links nothing and gives
 * way to a vouched one. Declaring roles and skills is {@link TopicDeclarations}; merging two people is
 * {@link DynamoMerge}'s sequence of steps, those that concern people {@link PersonMoves}.
 */
final class DynamoPeople implements People {
    static final String FIND = "people.find";
    static final String ENROLL = "people.enroll";
    static final String FIND_BY_EMAIL = "people.findByEmail";
    static final String CLAIM_EMAIL = "people.claimEmail";
    static final String MERGE = "people.merge";
    static final String PEOPLE = "people.people";
    static final String PROFILE = "people.profile";
    static final String PROFILES = "people.profiles";
    static final String DECLARE = "people.declare";
    static final String WITHDRAW = "people.withdraw";
    static final String DECLARING = "people.declaring";
    static final String ACCOUNTS = "people.accounts";
    static final String CHOOSE_LANGUAGE = "people.chooseLanguage";
    static final String CHOOSE_NOTICES = "people.chooseNotices";

    /** Aliases followed from a merged person to the one they became (a merge of a merge, and so on). */
    private static final int ALIASES_AT_MOST = 8;
    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";
    /** A claim may be written where none is, or over one from before vouching. */
    private static final String NOT_VOUCHED = "attribute_not_exists(" + Keys.PK + ") OR attribute_not_exists("
            + PersonItems.VOUCHED_BY + ")";

    private final Table table;
    private final TopicDeclarations topics;
    private final DynamoMerge merge;

    DynamoPeople(Table table, DynamoCommunities communities, DynamoGrants grants) {
        this.table = table;
        this.topics = new TopicDeclarations(table);
        this.merge = new DynamoMerge(new PersonMoves(table, this, topics), communities, grants);
    }

    /** One read: the identity link holds the person's id and name. */
    @Override
    public Optional<Person> find(ChatAccount account) {
        return table.get(FIND, Keys.identityLink(account), false).map(PersonItems::personOfIdentity);
    }

    /**
     * Without an address: the identity link and the profile, written together. With one: the link, the profile
     * and the address's claim, written together; the claim on the condition that no claim vouched for it yet
     * (a claim from before vouching gives way). The link's condition is that it does not exist, so the account
     * is not read first: core enrolls an account that find has just missed. When another request linked the
     * account first, its person is read back; when another person claimed the address first, the account is
     * linked to them.
     */
    @Override
    public Person enroll(ChatAccount account, Person fresh, Optional<VouchedAddress> address) {
        List<Write> writes = new ArrayList<>(List.of(
                Write.putNew(table.name(), PersonItems.identity(account, fresh)),
                Write.putNew(table.name(), PersonItems.profile(fresh, address))));
        address.ifPresent(vouched -> writes.add(Write.putIf(table.name(), PersonItems.emailClaim(vouched, fresh.id()),
                NOT_VOUCHED)));
        Outcome outcome = table.transact(ENROLL, writes);
        if (outcome.committed()) {
            return fresh;
        }
        if (outcome.conditionFailed(0)) {
            return linked(account);
        }
        if (address.isPresent() && outcome.conditionFailed(2)) {
            // Another account with this address made its person first: this one joins them.
            String email = address.get().email();
            return link(account, holderOf(ENROLL, email).map(Holder::person).orElseThrow(
                    () -> new IllegalStateException("the claim of " + email + " vanished")));
        }
        throw new IllegalStateException("person " + fresh.id() + " was not enrolled: " + outcome.reasons());
    }

    /** One conditional put: the account's identity link, unless a concurrent request linked it first. */
    @Override
    public Person link(ChatAccount account, Person person) {
        return table.putNew(ENROLL, PersonItems.identity(account, person)) ? person : linked(account);
    }

    private Person linked(ChatAccount account) {
        return table.get(ENROLL, Keys.identityLink(account), true).map(PersonItems::personOfIdentity)
                .orElseThrow(() -> new IllegalStateException("identity link of " + account + " vanished"));
    }

    /** Two consistent reads: the address's claim, then its person's PROFILE (following a merge). */
    @Override
    public Optional<Holder> holderOf(String email) {
        return holderOf(FIND_BY_EMAIL, email);
    }

    private Optional<Holder> holderOf(String operation, String email) {
        return table.get(operation, Keys.emailClaim(email), true).flatMap(claim -> PersonItems.vouched(claim)
                .flatMap(address -> current(operation, Items.str(claim, PersonItems.PERSON_ID))
                        .map(person -> new Holder(person, address))));
    }

    /** The person with this id, or the one they were merged into. */
    private Optional<Person> current(String operation, String personId) {
        String id = personId;
        for (int hop = 0; hop < ALIASES_AT_MOST; hop++) {
            Optional<Map<String, AttributeValue>> profile = table.get(operation, Keys.profile(id), true);
            if (profile.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> mergedInto = Items.optional(profile.get(), PersonItems.MERGED_INTO);
            if (mergedInto.isEmpty()) {
                return Optional.of(PersonItems.personOfProfile(profile.get()));
            }
            id = mergedInto.get();
        }
        throw new IllegalStateException("person " + personId + " is merged more than " + ALIASES_AT_MOST + " times over");
    }

    /**
     * Reads the address's claim and the person's PROFILE in one request; when no claim vouches for the address
     * and the person holds no vouched address (or holds this one, its claim lost), writes the claim and PROFILE's
     * address together, each on its condition. A refusal writes nothing. Claims and addresses from before
     * vouching count as none: they give way.
     */
    @Override
    public EmailClaim claimEmail(Person person, VouchedAddress address) {
        Map<String, AttributeValue> claimKey = Keys.emailClaim(address.email());
        Map<String, AttributeValue> profileKey = Keys.profile(person.id());
        for (int attempt = 1; attempt <= 2; attempt++) {
            Map<String, Map<String, AttributeValue>> read = new HashMap<>();
            table.batchGet(CLAIM_EMAIL, List.of(claimKey, profileKey), true)
                    .forEach(item -> read.put(Items.str(item, Keys.PK), item));
            Map<String, AttributeValue> claim = read.get(claimKey.get(Keys.PK).s());
            if (claim != null && claim.containsKey(PersonItems.VOUCHED_BY)) {
                return Items.str(claim, PersonItems.PERSON_ID).equals(person.id()) ? EmailClaim.ALREADY_THEIRS : EmailClaim.TAKEN;
            }
            Map<String, AttributeValue> profile = read.get(profileKey.get(Keys.PK).s());
            if (profile == null) {
                throw new IllegalStateException("person " + person.id() + " has no profile");
            }
            AttributeValue email = Keys.s(address.email());
            if (profile.containsKey(PersonItems.EMAIL_VOUCHED_BY) && !email.equals(profile.get(PersonItems.EMAIL))) {
                return EmailClaim.HAS_ANOTHER;
            }
            AttributeValue organisation = Keys.s(address.organisation());
            Map<String, AttributeValue> after = new HashMap<>(profile);
            after.put(PersonItems.EMAIL, email);
            after.put(PersonItems.EMAIL_VOUCHED_BY, organisation);
            Outcome outcome = table.transact(CLAIM_EMAIL, List.of(
                    Write.putIf(table.name(), PersonItems.emailClaim(address, person.id()), NOT_VOUCHED),
                    Write.update(table.name(), profileKey, "SET #email = :email, #vouched = :by",
                            EXISTS + " AND (attribute_not_exists(#vouched) OR #email = :email)",
                            Map.of("#email", PersonItems.EMAIL, "#vouched", PersonItems.EMAIL_VOUCHED_BY),
                            Map.of(":email", email, ":by", organisation),
                            Math.max(ItemSizes.of(profile), ItemSizes.of(after)), false)));
            if (outcome.committed()) {
                return EmailClaim.CLAIMED;
            }
            // Another request claimed the address, or gave the person one, meanwhile: read again.
        }
        throw new IllegalStateException("email of " + person.id() + " neither claimed nor refused");
    }

    @Override
    public void merge(Person from, Person into) {
        merge.run(from, into);
    }

    DynamoMerge merging() {
        return merge;
    }

    /** BatchGetItem of the PROFILE items, 100 keys a request. */
    @Override
    public List<Person> people(Collection<String> personIds) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(personIds).stream().map(Keys::profile).toList();
        return table.batchGet(PEOPLE, keys, false).stream().map(PersonItems::personOfProfile).toList();
    }

    /** One read of PROFILE, where the roles and skills are kept as typed (strongly consistent: just declared shows). */
    @Override
    public Profile profile(Person person) {
        return table.get(PROFILE, Keys.profile(person.id()), true)
                .map(item -> PersonItems.profile(person, item))
                .orElseGet(() -> Profile.empty(person));
    }

    /** One BatchGetItem of the PROFILE items (100 keys a request), eventually consistent: for searches. */
    @Override
    public List<Profile> profiles(List<Person> persons) {
        List<Map<String, AttributeValue>> keys = persons.stream().map(Person::id).distinct().map(Keys::profile).toList();
        Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
        table.batchGet(PROFILES, keys, false)
                .forEach(item -> byId.put(Keys.idIn(Items.str(item, Keys.PK), Keys.PERSON_PREFIX), item));
        return persons.stream().map(person -> Optional.ofNullable(byId.get(person.id()))
                .map(item -> PersonItems.profile(person, item)).orElseGet(() -> Profile.empty(person))).toList();
    }

    /**
     * Appends the text to the profile's list and its key to the profile's set, on the condition that
     * the key is not there yet, and puts the topic's index entry, in one transaction. PROFILE is read
     * first: it sizes the write, and a topic already declared costs that read only.
     */
    @Override
    public boolean declare(Person person, Kind kind, Topic topic) {
        return topics.declare(DECLARE, person, kind, topic);
    }

    /**
     * Removes the text (by its place in the list, which the condition checks) and the key from the
     * profile, and deletes the topic's index entry, in one transaction. When the list changed between
     * the read and the write, it is read again.
     */
    @Override
    public boolean withdraw(Person person, Kind kind, Topic topic) {
        return topics.withdraw(WITHDRAW, person, kind, topic);
    }

    /** One query of the topic's partition; a person who declared it both as a role and a skill is listed once. */
    @Override
    public List<Person> declaring(String topicKey) {
        Map<String, Person> people = new LinkedHashMap<>();
        table.queryAll(DECLARING, q -> q
                        .keyConditionExpression("pk = :topic AND begins_with(sk, :person)")
                        .expressionAttributeValues(Map.of(":topic", Keys.s(Keys.topic(topicKey)),
                                ":person", Keys.s(Keys.PERSON_PREFIX))))
                .stream().map(PersonItems::personOfTopicEntry).forEach(p -> people.putIfAbsent(p.id(), p));
        return List.copyOf(people.values());
    }

    /** One index query: identity links are in the index under their person. */
    @Override
    public List<Linked> linked(Person person) {
        return identityItemsOf(ACCOUNTS, person.id()).stream().map(PersonItems::linkedOfIdentity).toList();
    }

    List<Map<String, AttributeValue>> identityItemsOf(String operation, String personId) {
        return table.queryAll(operation, Keys.underPerson(personId, Keys.IDENTITY_PREFIX));
    }


    /**
     * Sets (or removes, for auto) the language on PROFILE, for export-my-data, and on each identity link, where
     * a request finds it in the read that finds the person. One update per item: each is idempotent, so a
     * request cut short is finished by sending it again.
     */
    @Override
    public void chooseLanguage(Person person, Optional<Language> language) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Keys.profile(person.id()));
        accounts(person).forEach(account -> keys.add(Keys.identityLink(account)));
        String update = language.isPresent() ? "SET #language = :language" : "REMOVE #language";
        Map<String, AttributeValue> values = language.map(chosen -> Map.of(":language", Keys.s(chosen.code())))
                .orElse(Map.of());
        for (Map<String, AttributeValue> key : keys) {
            table.update(CHOOSE_LANGUAGE, key, update, EXISTS, Map.of("#language", PersonItems.LANGUAGE), values,
                    item -> PersonItems.withLanguage(item, language));
        }
    }

    /** As the language: on PROFILE and each identity link, so that whoever finds the person reads it too. */
    @Override
    public void chooseNotices(Person person, NoticeLevel level) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Keys.profile(person.id()));
        accounts(person).forEach(account -> keys.add(Keys.identityLink(account)));
        boolean all = level == NoticeLevel.ALL;
        Map<String, AttributeValue> values = all ? Map.of() : Map.of(":notices", Keys.s(level.word()));
        for (Map<String, AttributeValue> key : keys) {
            table.update(CHOOSE_NOTICES, key, all ? "REMOVE #notices" : "SET #notices = :notices", EXISTS,
                    Map.of("#notices", PersonItems.NOTICES), values, item -> {
                        Map<String, AttributeValue> after = new HashMap<>(item);
                        after.remove(PersonItems.NOTICES);
                        values.values().forEach(word -> after.put(PersonItems.NOTICES, word));
                        return after;
                    });
        }
    }
}
