package ciment.infra;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.port.People;
import ciment.infra.Table.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * People, the chat accounts that lead to them, and what they declare. A person's roles and skills are
 * kept on their PROFILE item as typed; each is also an entry in its topic's partition
 * ({@code TOPIC#<key>}), so that `who` is one query.
 */
final class DynamoPeople implements People {
    static final String FIND = "people.find";
    static final String REGISTER = "people.register";
    static final String PEOPLE = "people.people";
    static final String PROFILE = "people.profile";
    static final String DECLARE = "people.declare";
    static final String WITHDRAW = "people.withdraw";
    static final String DECLARING = "people.declaring";
    static final String ACCOUNTS = "people.accounts";

    private final Table table;

    DynamoPeople(Table table) {
        this.table = table;
    }

    /** One read: the identity link holds the person's id and name. */
    @Override
    public Optional<Person> find(ChatAccount account) {
        return table.get(FIND, Keys.identityLink(account), false).map(Items::personOfIdentity);
    }

    /**
     * Writes the identity link and the profile together. When another request linked the account
     * first, its person is read back and returned, so both requests act as the same person.
     */
    @Override
    public Person register(ChatAccount account, Person person) {
        Outcome outcome = table.transact(REGISTER, List.of(
                Write.putNew(table.name(), Items.identity(account, person)),
                Write.putNew(table.name(), Items.profile(person))));
        if (outcome.committed()) {
            return person;
        }
        if (outcome.conditionFailed(0)) {
            return table.get(REGISTER, Keys.identityLink(account), true).map(Items::personOfIdentity)
                    .orElseThrow(() -> new IllegalStateException("identity link of " + account + " vanished"));
        }
        throw new IllegalStateException("person " + person.id() + " was not registered: " + outcome.reasons());
    }

    /** BatchGetItem of the PROFILE items, 100 keys a request. */
    @Override
    public List<Person> people(Collection<String> personIds) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(personIds).stream().map(Keys::profile).toList();
        return table.batchGet(PEOPLE, keys, false).stream().map(Items::personOfProfile).toList();
    }

    /** One read of PROFILE, where the roles and skills are kept as typed (strongly consistent: just declared shows). */
    @Override
    public Profile profile(Person person) {
        return table.get(PROFILE, Keys.profile(person.id()), true)
                .map(item -> Items.profile(person, item))
                .orElseGet(() -> Profile.empty(person));
    }

    /**
     * Appends the text to the profile's list and its key to the profile's set, on the condition that
     * the key is not there yet, and puts the topic's index entry, in one transaction. PROFILE is read
     * first: it sizes the write, and a topic already declared costs that read only.
     */
    @Override
    public boolean declare(Person person, Kind kind, Topic topic) {
        Map<String, AttributeValue> profile = table.get(DECLARE, Keys.profile(person.id()), true)
                .orElseThrow(() -> new IllegalStateException("person " + person.id() + " has no profile"));
        if (declaredKeys(profile, kind).contains(topic.key())) {
            return false;
        }
        Map<String, AttributeValue> after = new HashMap<>(profile);
        List<String> texts = new ArrayList<>(Items.texts(profile, Items.textsOf(kind)));
        texts.add(topic.text());
        after.put(Items.textsOf(kind), Items.strings(texts));
        Set<String> keys = new TreeSet<>(declaredKeys(profile, kind));
        keys.add(topic.key());
        after.put(Items.keysOf(kind), AttributeValue.fromSs(List.copyOf(keys)));
        Outcome outcome = table.transact(DECLARE, List.of(
                Write.update(table.name(), Keys.profile(person.id()),
                        "SET #texts = list_append(if_not_exists(#texts, :none), :text) ADD #keys :keys",
                        "attribute_exists(" + Keys.PK + ") AND NOT contains(#keys, :key)",
                        Map.of("#texts", Items.textsOf(kind), "#keys", Items.keysOf(kind)),
                        Map.of(":none", AttributeValue.fromL(List.of()), ":text", Items.strings(List.of(topic.text())),
                                ":keys", AttributeValue.fromSs(List.of(topic.key())), ":key", Keys.s(topic.key())),
                        Math.max(ItemSizes.of(profile), ItemSizes.of(after)), false),
                Write.put(table.name(), Items.topicEntry(topic, person, kind))));
        if (outcome.committed()) {
            return true;
        }
        if (outcome.conditionFailed(0)) {
            return false; // declared by a request that ran meanwhile
        }
        throw new IllegalStateException("topic " + topic.key() + " not declared: " + outcome.reasons());
    }

    /**
     * Removes the text (by its place in the list, which the condition checks) and the key from the
     * profile, and deletes the topic's index entry, in one transaction. When the list changed between
     * the read and the write, it is read again.
     */
    @Override
    public boolean withdraw(Person person, Kind kind, Topic topic) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> profile = table.get(WITHDRAW, Keys.profile(person.id()), true);
            if (profile.isEmpty() || !declaredKeys(profile.get(), kind).contains(topic.key())) {
                return false;
            }
            List<String> texts = Items.texts(profile.get(), Items.textsOf(kind));
            int at = indexOf(texts, topic.key());
            if (at < 0) {
                throw new IllegalStateException("profile of " + person.id() + " has the key " + topic.key()
                        + " without its text");
            }
            String path = "#texts[" + at + "]";
            Outcome outcome = table.transact(WITHDRAW, List.of(
                    Write.update(table.name(), Keys.profile(person.id()), "REMOVE " + path + " DELETE #keys :keys",
                            "contains(#keys, :key) AND " + path + " = :text",
                            Map.of("#texts", Items.textsOf(kind), "#keys", Items.keysOf(kind)),
                            Map.of(":keys", AttributeValue.fromSs(List.of(topic.key())), ":key", Keys.s(topic.key()),
                                    ":text", Keys.s(texts.get(at))),
                            ItemSizes.of(profile.get()), false),
                    // The entry goes whatever is there: the profile's condition is the one that guards.
                    Write.deleteKey(table.name(), Keys.topicEntry(topic.key(), person.id(), kind), null,
                            ItemSizes.of(Items.topicEntry(topic, person, kind)), false)));
            if (outcome.committed()) {
                return true;
            }
            if (!outcome.conditionFailed(0) || attempt == 2) {
                throw new IllegalStateException("topic " + topic.key() + " not withdrawn: " + outcome.reasons());
            }
        }
    }

    /** One query of the topic's partition; a person who declared it both as a role and a skill is listed once. */
    @Override
    public List<Person> declaring(String topicKey) {
        Map<String, Person> people = new LinkedHashMap<>();
        table.queryAll(DECLARING, q -> q
                        .keyConditionExpression("pk = :topic AND begins_with(sk, :person)")
                        .expressionAttributeValues(Map.of(":topic", Keys.s(Keys.topic(topicKey)),
                                ":person", Keys.s(Keys.PERSON_PREFIX))))
                .stream().map(Items::personOfTopicEntry).forEach(p -> people.putIfAbsent(p.id(), p));
        return List.copyOf(people.values());
    }

    /** One index query: identity links are in the index under their person. */
    @Override
    public List<ChatAccount> accounts(Person person) {
        return table.queryAll(ACCOUNTS, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :person AND begins_with(gsi1sk, :identity)")
                        .expressionAttributeValues(Map.of(":person", Keys.s(Keys.person(person.id())),
                                ":identity", Keys.s(Keys.IDENTITY_PREFIX))))
                .stream().map(Items::accountOfIdentity).toList();
    }

    private static Set<String> declaredKeys(Map<String, AttributeValue> profile, Kind kind) {
        AttributeValue keys = profile.get(Items.keysOf(kind));
        return keys == null || !keys.hasSs() ? Set.of() : Set.copyOf(keys.ss());
    }

    /** Where the text with this key is in the list: texts are kept as typed, their keys fold them. */
    private static int indexOf(List<String> texts, String key) {
        for (int i = 0; i < texts.size(); i++) {
            if (Topic.of(texts.get(i)).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
