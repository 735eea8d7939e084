package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.port.Repositories;
import ciment.infra.dynamo.CapacityMeter.Source;
import ciment.infra.testing.MotoTables;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableTest {

    @Test
    void queryAll_resultLongerThanAPage_followsEveryPage() {
        CapacityMeter meter = new CapacityMeter(Source.COMPUTED);
        Table table = new Table(MotoTables.CLIENT, MotoTables.create("pages"), meter);
        IntStream.range(0, 23).forEach(i -> table.putNew("test.put", Map.of(
                Keys.PK, Keys.s("PAGED"), Keys.SK, Keys.s(String.format("%03d", i)))));

        List<Map<String, AttributeValue>> all = table.queryAll("test.query", q -> q
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Keys.s("PAGED"))).limit(5));

        assertEquals(IntStream.range(0, 23).mapToObj(i -> String.format("%03d", i)).toList(),
                all.stream().map(item -> item.get(Keys.SK).s()).toList());
        assertEquals(5, meter.usage("test.query").requests());
    }

    @Test
    void prime_readsAMissingKeyAndQueriesTheIndex_andIsMetered() {
        DynamoRepositories dynamo = MotoTables.repositories(MotoTables.create("prime"));
        Repositories store = dynamo.repositories();

        dynamo.prime();

        assertEquals(2, dynamo.meter().usage(DynamoRepositories.PRIME).requests());
        assertEquals(1.0, dynamo.meter().usage(DynamoRepositories.PRIME).computed().read());
    }
}
