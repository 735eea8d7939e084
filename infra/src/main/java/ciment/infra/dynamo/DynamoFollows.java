package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Follow;
import ciment.core.port.Follows;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follows and mutes, and the marks of who was last told about a thread, beside the thread in its community's
 * partition: {@code C#<id>} / {@code FOLLOW#<root>#<person>} ({@code state} follow|muted, {@code at}) and
 * {@code C#<id>} / {@code TOLD#<root>#<person>} ({@code toldAt} in epoch milliseconds, {@code change}, TTL
 * {@code expiresAt} a day later). Both are named in gsi2 as {@code P#<person>} / {@code FOLLOW#C#<id>#<root>},
 * {@code FOLLOW#C#<id>#<root>#told}, so export-my-data and erase-my-data find them in one Query, without a scan. A thread's follows
 * and mutes are one Query; the stream filters of the delivery functions let neither kind through.
 */
final class DynamoFollows implements Follows {
    static final String FOLLOW_PREFIX = "FOLLOW#";
    static final String TOLD_PREFIX = "TOLD#";
    /** Ends a mark's name in gsi2, beside the follow of the same thread: erasing finds both in one Query. */
    static final String TOLD_SUFFIX = "#told";
    static final String SET = "follows.set";
    static final String THREAD = "follows.thread";
    static final String TOLD = "follows.told";
    static final String STATE = "state";
    static final String TOLD_AT = "toldAt";
    static final String CHANGE = "change";
    static final String VIA = "via";
    /** A mark outlives any window it decides: it then goes by itself. */
    private static final Duration MARK_KEPT = Duration.ofDays(1);
    private static final String NOT_MUTED = "attribute_not_exists(" + Keys.PK + ") OR #state <> :muted";
    private static final String NOT_TOLD_SINCE = "attribute_not_exists(" + Keys.PK
            + ") OR #toldAt < :since OR #change = :change";

    private final Table table;

    DynamoFollows(Table table) {
        this.table = table;
    }

    @Override
    public void set(Follow follow) {
        write(follow, null);
    }

    @Override
    public boolean followUnlessMuted(Follow follow) {
        return write(follow, NOT_MUTED);
    }

    private boolean write(Follow follow, String condition) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        fields.put(STATE, s(follow.state().word()));
        fields.put(Items.AT, s(follow.at().toString()));
        fields.put(Keys.GSI2_PK, s(Keys.person(follow.personId())));
        fields.put(Keys.GSI2_SK, s(FOLLOW_PREFIX + Keys.community(follow.communityId()) + "#" + follow.rootId()));
        if (follow.via() != null) {
            fields.put(VIA, s(follow.via()));
        }
        Map<String, AttributeValue> values = values(fields);
        Map<String, String> names = names(fields);
        if (condition != null) {
            values.put(":muted", s(Follow.State.MUTED.word()));
        }
        String update = setting(fields);
        if (follow.via() == null) {
            update += " REMOVE #via";
            names.put("#via", VIA);
        }
        return table.update(SET, followKey(follow.communityId(), follow.rootId(), follow.personId()), update,
                condition, names, values, old -> {
                    Map<String, AttributeValue> after = merged(old, fields);
                    if (follow.via() == null) {
                        after.remove(VIA);
                    }
                    return after;
                }).isPresent();
    }

    @Override
    public Map<String, Follow> of(String communityId, String rootId) {
        Map<String, Follow> said = new LinkedHashMap<>();
        String prefix = FOLLOW_PREFIX + rootId + "#";
        table.queryAll(THREAD, q -> q.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.community(communityId)), ":prefix", s(prefix))))
                .forEach(item -> {
                    String person = Keys.idIn(Items.str(item, Keys.SK), prefix);
                    said.put(person, new Follow(communityId, rootId, person, Follow.State.ofWord(Items.str(item, STATE)),
                            Instant.parse(Items.str(item, Items.AT)), Items.optional(item, VIA).orElse(null)));
                });
        return said;
    }

    @Override
    public boolean markTold(String communityId, String rootId, String personId, String changeId, Instant at,
            Instant since) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        fields.put(TOLD_AT, Items.n(at.toEpochMilli()));
        fields.put(CHANGE, s(changeId));
        fields.put(Items.EXPIRES_AT, Items.n(at.plus(MARK_KEPT).getEpochSecond()));
        fields.put(Keys.GSI2_PK, s(Keys.person(personId)));
        fields.put(Keys.GSI2_SK, s(FOLLOW_PREFIX + Keys.community(communityId) + "#" + rootId + TOLD_SUFFIX));
        Map<String, AttributeValue> values = values(fields);
        values.put(":since", Items.n(since.toEpochMilli()));
        return table.update(TOLD, Keys.key(Keys.community(communityId), TOLD_PREFIX + rootId + "#" + personId),
                setting(fields), NOT_TOLD_SINCE, names(fields), values, old -> merged(old, fields)).isPresent();
    }

    static Map<String, AttributeValue> followKey(String communityId, String rootId, String personId) {
        return Keys.key(Keys.community(communityId), FOLLOW_PREFIX + rootId + "#" + personId);
    }

    private static String setting(Map<String, AttributeValue> fields) {
        return "SET " + String.join(", ", fields.keySet().stream().map(name -> "#" + name + " = :" + name).toList());
    }

    private static Map<String, String> names(Map<String, AttributeValue> fields) {
        Map<String, String> names = new HashMap<>();
        fields.keySet().forEach(name -> names.put("#" + name, name));
        return names;
    }

    private static Map<String, AttributeValue> values(Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> values = new HashMap<>();
        fields.forEach((name, value) -> values.put(":" + name, value));
        return values;
    }

    private static Map<String, AttributeValue> merged(Map<String, AttributeValue> old, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> after = new HashMap<>(old == null ? Map.of() : old);
        after.putAll(fields);
        return after;
    }
}
