package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.DigestCadence;
import ciment.core.port.Digests;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each person's digest item, {@code DIGEST#<shard>} / {@code P#<person>} ({@link Keys#digest}): the cadence they
 * chose ({@code cadence}, absent: the default) and the last day they made a request ({@code activeOn},
 * yyyy-mm-dd). About 60 bytes: one write unit per change. Marking a day writes only when the day kept is older
 * (a condition), so a person costs at most one write a day however many containers see them; the digest run reads
 * the {@link Digests#SHARDS} partitions with one query each (paged), never a scan.
 */
final class DynamoDigests implements Digests {
    static final String ACTIVE = "digests.active";
    static final String CHOOSE = "digests.choose";
    static final String READ = "digests.read";
    static final String CADENCE = "cadence";
    static final String ACTIVE_ON = "activeOn";

    private final Table table;

    DynamoDigests(Table table) {
        this.table = table;
    }

    @Override
    public boolean active(String personId, LocalDate day) {
        AttributeValue today = s(day.toString());
        return table.update(ACTIVE, Keys.digest(personId), "SET #on = :today",
                "attribute_not_exists(#on) OR #on < :today", Map.of("#on", ACTIVE_ON), Map.of(":today", today),
                old -> after(personId, old, ACTIVE_ON, today)).isPresent();
    }

    @Override
    public void choose(String personId, DigestCadence cadence) {
        AttributeValue chosen = s(cadence.name());
        table.update(CHOOSE, Keys.digest(personId), "SET #cadence = :cadence", null, Map.of("#cadence", CADENCE), Map.of(":cadence", chosen),
                old -> after(personId, old, CADENCE, chosen));
    }

    @Override
    public Optional<Subscriber> find(String personId) {
        return table.get(READ, Keys.digest(personId), false).map(DynamoDigests::subscriber);
    }

    @Override
    public List<Subscriber> shard(int shard) {
        return table.queryAll(READ, q -> q.keyConditionExpression("pk = :shard")
                .expressionAttributeValues(Map.of(":shard", s(Keys.digestShard(shard)))))
                .stream().map(DynamoDigests::subscriber).toList();
    }

    @Override
    public void erase(String personId) {
        table.delete(DynamoPrivacy.ERASE, Keys.digest(personId), "attribute_exists(" + Keys.PK + ")");
    }

    private static Subscriber subscriber(Map<String, AttributeValue> item) {
        return new Subscriber(Keys.idIn(Items.str(item, Keys.SK), Keys.PERSON_PREFIX),
                Items.optional(item, CADENCE).map(DigestCadence::valueOf),
                Items.optional(item, ACTIVE_ON).map(LocalDate::parse));
    }

    /** The item after an update that set one attribute: its size makes the write's units exact. */
    private static Map<String, AttributeValue> after(String personId, Map<String, AttributeValue> old, String name,
            AttributeValue value) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.digest(personId));
        item.putAll(old);
        item.put(name, value);
        return item;
    }
}
