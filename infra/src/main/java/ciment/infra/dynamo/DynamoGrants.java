package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Grant;
import ciment.core.port.Grants;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Roles an admin granted: one small item per role and person, {@code GRANT#<ROLE>} / {@code P#<personId>}.
 * A person's roles are one BatchGetItem of their (at most two) keys; a role's holders one query of its
 * partition. erase-my-data deletes them by key (DynamoPrivacy), export-my-data lists them.
 */
record DynamoGrants(Table table, Clock clock) implements Grants {
    static final String GRANTS_OF = "grants.of";
    static final String GRANT = "grants.grant";
    static final String HOLDERS = "grants.holders";

    @Override
    public Set<Grant> grantsOf(String personId) {
        return grantsOf(GRANTS_OF, personId);
    }

    Set<Grant> grantsOf(String operation, String personId) {
        List<Map<String, AttributeValue>> keys = Arrays.stream(Grant.values()).map(g -> Keys.grant(g, personId)).toList();
        Set<Grant> held = EnumSet.noneOf(Grant.class);
        for (Map<String, AttributeValue> item : table.batchGet(operation, keys, true)) {
            held.add(Grant.valueOf(Keys.idIn(Items.str(item, Keys.PK), Keys.GRANT_PREFIX)));
        }
        return held;
    }

    @Override
    public boolean grant(String personId, Grant grant) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Keys.grant(grant, personId));
        item.put("at", s(clock.instant().toString()));
        return table.putNew(GRANT, item);
    }

    @Override
    public List<String> holders(Grant grant) {
        return table.queryAll(HOLDERS, q -> q.keyConditionExpression("pk = :grant")
                .expressionAttributeValues(Map.of(":grant", s(Keys.GRANT_PREFIX + grant.name()))))
                .stream().map(item -> Keys.idIn(Items.str(item, Keys.SK), Keys.PERSON_PREFIX)).toList();
    }

    /** A merge: what {@code from} was granted becomes {@code into}'s (granted first, so a stop between loses nothing). */
    void move(String operation, String from, String into) {
        for (Grant grant : grantsOf(operation, from)) {
            grant(into, grant);
            table.delete(operation, Keys.grant(grant, from), "attribute_exists(" + Keys.PK + ")");
        }
    }

    /** Deletes what the person was granted (erase-my-data); nothing when there was nothing. */
    void forget(String operation, String personId) {
        for (Grant grant : grantsOf(operation, personId)) {
            table.delete(operation, Keys.grant(grant, personId), "attribute_exists(" + Keys.PK + ")");
        }
    }
}
