package ciment.infra.dynamo;

import ciment.core.model.Person;
import ciment.core.model.Topic;
import ciment.core.port.People.Kind;
import ciment.infra.dynamo.Table.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The roles and skills people declare: kept on their PROFILE as typed (a list) with their keys (a set, for
 * the conditions), and each an entry in its topic's partition ({@code TOPIC#<key>}), so that `who` is one
 * query. Declaring and withdrawing change both in one transaction.
 */
record TopicDeclarations(Table table) {
    /**
     * Appends the text to the profile's list and its key to the profile's set, on the condition that
     * the key is not there yet, and puts the topic's index entry, in one transaction. PROFILE is read
     * first: it sizes the write, and a topic already declared costs that read only.
     */
    boolean declare(String operation, Person person, Kind kind, Topic topic) {
        Map<String, AttributeValue> profile = table.get(operation, Keys.profile(person.id()), true)
                .orElseThrow(() -> new IllegalStateException("person " + person.id() + " has no profile"));
        if (declaredKeys(profile, kind).contains(topic.key())) {
            return false;
        }
        Map<String, AttributeValue> after = new HashMap<>(profile);
        List<String> texts = new ArrayList<>(Items.texts(profile, PersonItems.textsOf(kind)));
        texts.add(topic.text());
        after.put(PersonItems.textsOf(kind), Items.strings(texts));
        Set<String> keys = new TreeSet<>(declaredKeys(profile, kind));
        keys.add(topic.key());
        after.put(PersonItems.keysOf(kind), AttributeValue.fromSs(List.copyOf(keys)));
        Outcome outcome = table.transact(operation, List.of(
                Write.update(table.name(), Keys.profile(person.id()),
                        "SET #texts = list_append(if_not_exists(#texts, :none), :text) ADD #keys :keys",
                        "attribute_exists(" + Keys.PK + ") AND NOT contains(#keys, :key)",
                        Map.of("#texts", PersonItems.textsOf(kind), "#keys", PersonItems.keysOf(kind)),
                        Map.of(":none", AttributeValue.fromL(List.of()), ":text", Items.strings(List.of(topic.text())),
                                ":keys", AttributeValue.fromSs(List.of(topic.key())), ":key", Keys.s(topic.key())),
                        Math.max(ItemSizes.of(profile), ItemSizes.of(after)), false),
                Write.put(table.name(), PersonItems.topicEntry(topic, person, kind))));
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
    boolean withdraw(String operation, Person person, Kind kind, Topic topic) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> profile = table.get(operation, Keys.profile(person.id()), true);
            if (profile.isEmpty() || !declaredKeys(profile.get(), kind).contains(topic.key())) {
                return false;
            }
            List<String> texts = Items.texts(profile.get(), PersonItems.textsOf(kind));
            int at = indexOf(texts, topic.key());
            if (at < 0) {
                throw new IllegalStateException("profile of " + person.id() + " has the key " + topic.key()
                        + " without its text");
            }
            String path = "#texts[" + at + "]";
            Outcome outcome = table.transact(operation, List.of(
                    Write.update(table.name(), Keys.profile(person.id()), "REMOVE " + path + " DELETE #keys :keys",
                            "contains(#keys, :key) AND " + path + " = :text",
                            Map.of("#texts", PersonItems.textsOf(kind), "#keys", PersonItems.keysOf(kind)),
                            Map.of(":keys", AttributeValue.fromSs(List.of(topic.key())), ":key", Keys.s(topic.key()),
                                    ":text", Keys.s(texts.get(at))),
                            ItemSizes.of(profile.get()), false),
                    // The entry goes whatever is there: the profile's condition is the one that guards.
                    Write.deleteKey(table.name(), Keys.topicEntry(topic.key(), person.id(), kind), null,
                            ItemSizes.of(PersonItems.topicEntry(topic, person, kind)), false)));
            if (outcome.committed()) {
                return true;
            }
            if (!outcome.conditionFailed(0) || attempt == 2) {
                throw new IllegalStateException("topic " + topic.key() + " not withdrawn: " + outcome.reasons());
            }
        }
    }

    private static Set<String> declaredKeys(Map<String, AttributeValue> profile, Kind kind) {
        AttributeValue keys = profile.get(PersonItems.keysOf(kind));
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
