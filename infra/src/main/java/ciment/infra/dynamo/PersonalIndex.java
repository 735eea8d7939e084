package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is a person's, found without a scan: in the first index under {@code P#<id>} (memberships, accounts,
 * requests, invitations), in the second what names them elsewhere (posts, invitations they gave, people
 * merged into them, notices to their accounts), in their own partition their reactions, and beside their
 * accounts' identity links the posts others saved with their words.
 */
record PersonalIndex(Table table) {
    /** People merged into people merged into this one, and so on: as many hops as a merge follows. */
    static final int ALIAS_DEPTH = 8;

    /** The person and the people merged into them, however many merges ago (from the second index). */
    Set<String> withAliases(String operation, String personId) {
        Set<String> ids = new LinkedHashSet<>(List.of(personId));
        List<String> next = List.of(personId);
        for (int depth = 0; depth < ALIAS_DEPTH && !next.isEmpty(); depth++) {
            List<String> found = new ArrayList<>();
            for (String id : next) {
                for (Map<String, AttributeValue> key : named(operation, Keys.person(id), Keys.ALIAS_PREFIX)) {
                    String alias = Keys.idIn(Items.str(key, Keys.GSI2_SK), Keys.ALIAS_PREFIX);
                    if (ids.add(alias)) {
                        found.add(alias);
                    }
                }
            }
            next = found;
        }
        return ids;
    }

    /** The keys of the items that name {@code owner} in the second index, of one kind (sort key prefix). */
    List<Map<String, AttributeValue>> named(String operation, String owner, String prefix) {
        return table.queryAll(operation, q -> q.indexName(Keys.GSI2)
                .keyConditionExpression("gsi2pk = :owner AND begins_with(gsi2sk, :prefix)")
                .expressionAttributeValues(Map.of(":owner", s(owner), ":prefix", s(prefix))));
    }

    /** Everything under the person in the first index. */
    List<Map<String, AttributeValue>> ofPerson(String operation, String personId) {
        return table.queryAll(operation, q -> q.indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :person")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)))));
    }

    /** The credits beside an account's identity link: the posts others saved with its user's words. */
    List<Map<String, AttributeValue>> creditsOf(String operation, String identityKey) {
        return table.queryAll(operation, q -> q
                .keyConditionExpression("pk = :account AND begins_with(sk, :credit)")
                .expressionAttributeValues(Map.of(":account", s(identityKey), ":credit", s(Keys.CREDIT_PREFIX))));
    }

    /** The person's reactions, in their own partition. */
    List<Map<String, AttributeValue>> reactionsOf(String operation, String personId) {
        return table.queryAll(operation, q -> q
                .keyConditionExpression("pk = :person AND begins_with(sk, :reaction)")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)), ":reaction", s(Keys.REACTION_PREFIX))));
    }

    /** The person's acknowledgements of announcements (Got it), in their own partition. */
    List<Map<String, AttributeValue>> acknowledgementsOf(String operation, String personId) {
        return table.queryAll(operation, q -> q
                .keyConditionExpression("pk = :person AND begins_with(sk, :ack)")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)),
                        ":ack", s(AnnouncementItems.ACK_PREFIX))));
    }

    /** The table's key of an item or of an index entry. */
    static Map<String, AttributeValue> tableKey(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }
}
