package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.infra.aws.DynamoClients;
import ciment.infra.metering.UsageMeter;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class UsageMeterTest {
    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private final String name = MotoTables.create("usage");
    private final CapacityMeter capacity = new CapacityMeter(CapacityMeter.Source.COMPUTED);
    private final Table table = new Table(MotoTables.CLIENT, name, capacity);
    private final DynamoUsage usage = new DynamoUsage(table);

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return new HashMap<>(Keys.key(pk, sk));
    }

    private static Map<String, UsageDay> byOwner(List<UsageDay> days) {
        return days.stream().collect(Collectors.toMap(UsageDay::owner, d -> d));
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static void assertQuantity(String expected, UsageDay day, Meter meter) {
        assertEquals(0, n(expected).compareTo(day.quantity(meter)),
                day.owner() + " " + meter + ": expected " + expected + ", was " + day.quantity(meter));
    }

    @Test
    void scriptedRequests_overTwoCommunitiesAndThePlatform_giveEachOwnerItsExactUnits() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.begin("req-1", 1024, 0, UsageMeter.Trigger.HTTP);
        table.putNew("t", item("C#a", "X#1"));                       // a: 1 write
        table.get("t", Keys.key("C#a", "X#1"), true);                // a: 1 read (consistent)
        table.query("t", q -> q.keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Keys.s("C#b")))); // b: 0.5 read
        table.putNew("t", item("P#someone", "PROFILE"));             // no community: platform, 1 write
        table.transact("t", List.of(Write.putNew(name, item("C#a", "X#2")),
                Write.putNew(name, item("C#b", "X#2"))));            // 2 transactional writes each
        meter.end();

        Map<String, UsageDay> days = byOwner(usage.month(MONTH));
        assertEquals(Set.of("a", "b", UsageDay.PLATFORM), days.keySet());
        UsageDay a = days.get("a");
        assertQuantity("4", a, Meter.DYNAMODB_WRITE_UNITS);              // 1 + 2 + the flush
        assertQuantity("1", a, Meter.DYNAMODB_READ_UNITS);
        assertQuantity("0", a, Meter.LAMBDA_REQUESTS);
        UsageDay b = days.get("b");
        assertQuantity("3", b, Meter.DYNAMODB_WRITE_UNITS);              // 2 + the flush
        assertQuantity("0.5", b, Meter.DYNAMODB_READ_UNITS);
        UsageDay platform = days.get(UsageDay.PLATFORM);
        assertQuantity("2", platform, Meter.DYNAMODB_WRITE_UNITS);       // the profile + the flush
        assertQuantity("1", platform, Meter.API_REQUESTS);
        assertQuantity("1", platform, Meter.LAMBDA_REQUESTS);
        assertTrue(platform.quantity(Meter.LAMBDA_MB_MILLIS).signum() > 0);
        assertEquals(0, platform.quantity(Meter.LAMBDA_MB_MILLIS).remainder(n("1024")).signum());
        assertFalse(a.exact(), "an emulator's units are computed, and said to be");
        assertEquals(DAY, a.day());
    }

    @Test
    void scriptedStoreOperations_overTwoCommunities_attributeEveryUnitOnce_andTheCommunitysOwnToIt() {
        DynamoRepositories dynamo = DynamoRepositories.create(MotoTables.CLIENT, name, capacity);
        Repositories store = dynamo.repositories();
        UsageMeter meter = UsageMeter.attachedTo(dynamo, CLOCK);
        var first = Sample.community(Sample.slug("first"), Sample.personId());
        var second = Sample.community(Sample.slug("second"), Sample.personId());
        String reader = Sample.personId();
        meter.begin("req-1", 1024, 0, UsageMeter.Trigger.HTTP);
        store.communities().create(first, Sample.steward(first));        // the slug claim (no community) and the community's items
        store.communities().create(second, Sample.steward(second));
        store.communities().join(Sample.member(first, reader));
        store.posts().add(Sample.post(first, reader, "Hello", Sample.T0));
        store.communities().membership(second.id(), reader);
        meter.end();
        CapacityMeter.Units metered = capacity.units(); // before the month is read, on the same meter

        List<UsageDay> days = usage.month(MONTH);
        assertEquals(Set.of(first.id(), second.id(), UsageDay.PLATFORM),
                days.stream().map(UsageDay::owner).collect(Collectors.toSet()));
        BigDecimal reads = days.stream().map(d -> d.quantity(Meter.DYNAMODB_READ_UNITS)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal writes = days.stream().map(d -> d.quantity(Meter.DYNAMODB_WRITE_UNITS)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, BigDecimal.valueOf(metered.read()).compareTo(reads), "every read once");
        assertEquals(0, BigDecimal.valueOf(metered.write() + days.size()).compareTo(writes), "every write once, and one per flush");
        Map<String, UsageDay> byOwner = byOwner(days);
        assertTrue(byOwner.get(first.id()).quantity(Meter.DYNAMODB_WRITE_UNITS)
                .compareTo(byOwner.get(second.id()).quantity(Meter.DYNAMODB_WRITE_UNITS)) > 0, "first had a join and a post more");
        assertQuantity("1", byOwner.get(UsageDay.PLATFORM), Meter.LAMBDA_REQUESTS);
    }

    @Test
    void invocation_touchingOneCommunity_ownsItsLambdaAndApiUnits_andItsIndexEntryIsCountedNextTime() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.begin("req-1", 512, 300, UsageMeter.Trigger.HTTP);
        table.get("t", Keys.key("C#a", "META"), false);              // a: 0.5 read
        table.get("t", Keys.key("SLUG#a", "SLUG"), false);           // no community: the owner, a
        meter.end();
        for (String request : List.of("req-2", "req-3")) {
            meter.begin(request, 512, 0, UsageMeter.Trigger.HTTP);
            table.get("t", Keys.key("C#a", "META"), false);
            meter.end();
        }

        List<UsageDay> days = usage.monthOf("a", MONTH);
        assertEquals(1, days.size());
        UsageDay a = days.get(0);
        assertQuantity("2.0", a, Meter.DYNAMODB_READ_UNITS);         // four eventually consistent gets
        // Three flushes, and the index entry the first put: once (the later flushes find the index key there).
        assertQuantity("4", a, Meter.DYNAMODB_WRITE_UNITS);
        assertQuantity("3", a, Meter.API_REQUESTS);
        assertQuantity("3", a, Meter.LAMBDA_REQUESTS);
        assertTrue(a.quantity(Meter.LAMBDA_MB_MILLIS).compareTo(n("153600")) >= 0, "init of 300 ms × 512 MB is billed");
        assertEquals(List.of(), usage.month(MONTH).stream().filter(d -> !d.owner().equals("a")).toList());
    }

    @Test
    void invocation_touchingThreeOwners_writesOneUpdatePerOwner() {
        AtomicInteger updates = new AtomicInteger();
        DynamoDbClient counted = DynamoClients.builder(ciment.core.config.Settings.of(Map.of(
                        "AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString())))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (context.request() instanceof UpdateItemRequest) {
                            updates.incrementAndGet();
                        }
                    }
                })).build();
        UsageMeter meter = UsageMeter.attachedTo(capacity, counted, name, CLOCK);
        meter.begin("req-1", 1024, 0);
        for (int i = 0; i < 5; i++) {
            table.putNew("t", item("C#a", "X#" + i));
            table.putNew("t", item("C#b", "X#" + i));
            table.putNew("t", item("P#" + i, "PROFILE"));
        }
        meter.end();
        assertEquals(3, updates.get());
        assertEquals(3, usage.month(MONTH).size());
    }

    @Test
    void flush_whoseResponseIsLost_isRetriedBySdk_andCountsOnce() {
        AtomicBoolean lost = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        DynamoDbClient losing = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(MotoServer.shared().endpoint().toString()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(new LosesFirstUpdateResponse(UrlConnectionHttpClient.create(), lost, attempts)).build();
        UsageMeter meter = UsageMeter.attachedTo(capacity, losing, name, CLOCK);
        meter.begin("req-1", 1024, 0);
        table.putNew("t", item("C#a", "X#1"));
        meter.end();

        assertTrue(lost.get(), "the first flush's response was lost");
        assertEquals(2, attempts.get(), "the SDK sent the flush again");
        UsageDay a = usage.monthOf("a", MONTH).get(0);
        assertQuantity("2", a, Meter.DYNAMODB_WRITE_UNITS);
        assertQuantity("1", a, Meter.LAMBDA_REQUESTS);
    }

    @Test
    void deliveryBatch_withRecordsOfTwoCommunities_givesEachRecordsWorkToItsCommunity() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.begin("batch-1", 1024, 0, UsageMeter.Trigger.STREAM);
        meter.within("a", () -> {
            table.putNew("t", item("MIRROR#1", "COPY"));             // no community partition: the record's
            meter.count(Meter.SLACK_CALLS, 2);
        });
        meter.within("b", () -> {
            table.putNew("t", item("MIRROR#2", "COPY"));
            meter.counting(Meter.TEAMS_CALLS).run(); // a chat SDK's hook, on this thread
        });
        meter.end();

        Map<String, UsageDay> days = byOwner(usage.month(MONTH));
        assertQuantity("2", days.get("a"), Meter.DYNAMODB_WRITE_UNITS);
        assertQuantity("2", days.get("a"), Meter.SLACK_CALLS);
        assertQuantity("2", days.get("b"), Meter.DYNAMODB_WRITE_UNITS);
        assertQuantity("1", days.get("b"), Meter.TEAMS_CALLS);
        // Two communities' records: the batch's own units are shared between them, no platform write.
        assertEquals(Set.of("a", "b"), days.keySet());
        assertEquals(0, n("1").compareTo(sum(Meter.STREAM_REQUESTS, days.get("a"), days.get("b"))));
        assertEquals(0, n("1").compareTo(sum(Meter.LAMBDA_REQUESTS, days.get("a"), days.get("b"))));
    }

    @Test
    void deliveryBatch_sharesItsOwnUnits_inProportionToTheTimeSpentOnEachCommunity_exactly() throws Exception {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.begin("batch-2", 512, 0, UsageMeter.Trigger.STREAM);
        meter.within("slow", () -> {
            table.putNew("t", item("MIRROR#3", "COPY"));
            sleep(120);
        });
        meter.within("quick", () -> table.putNew("t", item("MIRROR#4", "COPY")));
        meter.end();

        Map<String, UsageDay> days = byOwner(usage.month(MONTH));
        assertEquals(Set.of("slow", "quick"), days.keySet(), "no platform line for a batch of records");
        UsageDay slow = days.get("slow");
        UsageDay quick = days.get("quick");
        assertTrue(slow.quantity(Meter.LAMBDA_MB_MILLIS).compareTo(quick.quantity(Meter.LAMBDA_MB_MILLIS).multiply(n("2"))) > 0,
                "the record that took longer owns more of the batch's time: " + slow + " / " + quick);
        BigDecimal millis = slow.quantity(Meter.LAMBDA_MB_MILLIS).add(quick.quantity(Meter.LAMBDA_MB_MILLIS));
        assertEquals(0, millis.remainder(n("512")).signum(), "the shares add up to whole billed milliseconds: " + millis);
        assertEquals(0, n("1").compareTo(sum(Meter.LAMBDA_REQUESTS, slow, quick)));
    }

    @Test
    void timeSpentFlushingAndTellingListeners_isBilledToTheSameOwner_onItsNextFlush() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.onFlushed(communities -> sleep(150));
        meter.begin("req-1", 1024, 0, UsageMeter.Trigger.HTTP);
        table.get("t", Keys.key("C#a", "META"), false);
        meter.end();
        BigDecimal first = usage.monthOf("a", MONTH).get(0).quantity(Meter.LAMBDA_MB_MILLIS);

        meter.begin("req-2", 1024, 0, UsageMeter.Trigger.HTTP);
        table.get("t", Keys.key("C#a", "META"), false);
        meter.end();

        BigDecimal both = usage.monthOf("a", MONTH).get(0).quantity(Meter.LAMBDA_MB_MILLIS);
        assertTrue(both.subtract(first).compareTo(n("153600")) >= 0,
                "the second flush carries the first's 150 ms after its duration was taken: " + first + " then " + both);
    }

    private static BigDecimal sum(Meter meter, UsageDay... days) {
        return java.util.Arrays.stream(days).map(d -> d.quantity(meter)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void flushed_tellsListenersTheCommunitiesTouched_withoutThePlatform() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        List<Set<String>> told = new ArrayList<>();
        meter.onFlushed(told::add);
        meter.begin("req-1", 1024, 0);
        table.get("t", Keys.key("C#a", "META"), false);
        table.get("t", Keys.key("C#b", "META"), false);
        meter.end();
        assertEquals(List.of(Set.of("a", "b")), told);
    }

    @Test
    void chatCall_madeWhileNoInvocationRuns_countsInTheNextOne_likeInit() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.counting(Meter.SLACK_CALLS).run(); // Bolt's auth.test as the container starts

        meter.begin("req-1", 1024, 0);
        table.get("t", Keys.key("C#c", "META"), false);
        meter.end();
        meter.begin("req-2", 1024, 0);
        table.get("t", Keys.key("C#c", "META"), false);
        meter.end();

        assertQuantity("1", usage.monthOf("c", MONTH).get(0), Meter.SLACK_CALLS);
    }

    @Test
    void requests_outsideAnInvocation_areNotAttributed_andAFailingFlushThrowsNothing() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, "no-such-table", CLOCK);
        table.putNew("t", item("C#a", "X#1"));
        meter.begin("req-1", 1024, 0);
        table.get("t", Keys.key("C#a", "X#1"), false);
        meter.end();
        assertEquals(List.of(), usage.month(MONTH));
    }

    @Test
    void usageItem_withEveryMeterAtLargeValues_staysUnderOneKilobyte() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        String community = "01JDZZZZZZZZZZZZZZZZZZZZZZ";
        meter.begin("8c6f1c2e-6b1a-4f3e-9d7a-2a1b3c4d5e6f", 10_240, 10_000, UsageMeter.Trigger.HTTP);
        meter.within(community, () -> {
            for (Meter each : Meter.values()) {
                meter.count(each, 999_999_999_999_999L);
            }
        });
        meter.end();
        // A fractional unit too (a share of a transaction), and the level StorageMeasure sets.
        meter.begin("8c6f1c2e-6b1a-4f3e-9d7a-2a1b3c4d5e70", 10_240, 0);
        meter.within(community, () -> meter.count(Meter.DYNAMODB_READ_UNITS, 1));
        table.query("t", q -> q.keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Keys.s("C#" + community))));
        meter.end();
        Map<String, AttributeValue> stored = MotoTables.items(name).get(0);
        assertTrue(ItemSizes.of(stored) < 1024, "usage item is " + ItemSizes.of(stored) + " bytes");
        assertEquals(Meter.values().length + 6, stored.size(), stored.keySet().toString());
    }

    /** Sends each request, but loses the first UpdateItem's response, as a reset connection would. */
    private record LosesFirstUpdateResponse(SdkHttpClient delegate, AtomicBoolean lost, AtomicInteger attempts)
            implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest call = delegate.prepareRequest(request);
            boolean update = request.httpRequest().firstMatchingHeader("X-Amz-Target")
                    .filter(t -> t.endsWith(".UpdateItem")).isPresent();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    if (update) {
                        attempts.incrementAndGet();
                        if (lost.compareAndSet(false, true)) {
                            if (response.responseBody().isPresent()) {
                                response.responseBody().get().close();
                            }
                            throw new IOException("connection reset after the update was applied");
                        }
                    }
                    return response;
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void aDigestRun_sharesWhatNoCommunitysPartitionTook_amongTheCommunitiesShown_inProportion() {
        UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK);
        meter.begin("req-digest", 1024, 0, UsageMeter.Trigger.OTHER);
        for (int notice = 1; notice <= 4; notice++) {
            table.putNew("t", item("OUT#" + notice, "OUT"));           // the outbox: no community's partition
        }
        meter.inProportion(Map.of("a", 3, "b", 1));                   // a shown three times, b once
        meter.end();

        Map<String, UsageDay> days = byOwner(usage.month(MONTH));
        assertEquals(Set.of("a", "b"), days.keySet(), "nothing left to the platform");
        assertQuantity("4", days.get("a"), Meter.DYNAMODB_WRITE_UNITS);   // 3 of the 4 notices, and the flush
        assertQuantity("2", days.get("b"), Meter.DYNAMODB_WRITE_UNITS);   // 1, and the flush
        assertQuantity("0.75", days.get("a"), Meter.LAMBDA_REQUESTS);
        assertQuantity("0.25", days.get("b"), Meter.LAMBDA_REQUESTS);
    }
}
