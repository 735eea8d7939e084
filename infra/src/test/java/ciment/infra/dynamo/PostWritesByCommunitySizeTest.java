package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The home feed is built on read, so a post is written once whatever the size of its community: the same
 * write units (4 for 1 KB of text: 3 for the post and its author index entry, 1 for its author's write counter,
 * issue 14) in communities of 10, 1,000 and 10,000 members. A table of its own: ten
 * thousand members make moto's index queries slow for other tests.
 */
class PostWritesByCommunitySizeTest {
    private final String table = MotoTables.create("post-sizes");
    private final DynamoRepositories dynamo = MotoTables.repositories(table);
    private final Repositories store = dynamo.repositories();
    private final Ciment ciment = new Ciment(store, Clock.systemUTC());
    private int requests;

    @Test
    void post_computesTheSameWriteUnits_inCommunitiesOf10_1000_and10000Members() {
        Map<Integer, Double> writes = new LinkedHashMap<>();
        for (int members : List.of(10, 1_000, 10_000)) {
            Slug slug = Sample.slug("size" + members);
            assertInstanceOf(Reply.Done.class, say("create " + slug + " Feeds that scale"));
            addMembers(store.communities().find(slug).orElseThrow(), members - 1);
            dynamo.meter().reset();

            assertInstanceOf(Reply.Posted.class, say("post " + slug + " " + "x".repeat(1024)));

            writes.put(members, dynamo.meter().total().computed().write());
        }

        assertEquals(Map.of(10, 4.0, 1_000, 4.0, 10_000, 4.0), writes);
        assertEquals(Units.write(1), dynamo.meter().usage(DynamoQuotas.TAKE).computed(), "the write counter's part");
    }

    /** Members written straight into the table, as join writes them (without their counts: a post reads none). */
    private void addMembers(Community community, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = CommunityItems.membership(Sample.member(community, Sample.personId()));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                MotoTables.CLIENT.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
                batch.clear();
            }
        }
    }

    private Reply say(String words) {
        ChatAccount ada = new ChatAccount(Platform.SLACK, "T0SIZES", "ada");
        return ciment.handle(new Caller(ada, () -> Introduction.named("Ada"), "size-" + ++requests, Instant.now(),
                mention -> Optional.empty()), words);
    }
}
