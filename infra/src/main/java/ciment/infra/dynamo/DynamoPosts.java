package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Post;
import ciment.core.model.Ulid;
import ciment.core.port.Posts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Posts, kept in their community's partition under sortable ids: the newest page is one Query. */
record DynamoPosts(Table table) implements Posts {
    static final String ADD = "posts.add";
    static final String LATEST = "posts.latest";
    static final String PAGE = "posts.page";
    static final String RECENT = "posts.recent";
    /**
     * A page is read within 16 KB of posts (2 read units, eventually consistent): twenty short posts, fewer
     * long ones. The first read takes a few posts, whose size tells how many more fit.
     */
    static final long PAGE_BYTES = 4 * CapacityCalculator.READ_UNIT_BYTES;
    static final int FIRST_READ = 5;

    /** One conditional put: a retried or duplicated request finds its post there and writes nothing. */
    @Override
    public boolean add(Post post) {
        return table.putNew(ADD, PostItems.post(post));
    }

    @Override
    public List<Post> latest(String communityId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return table.query(LATEST, newest(communityId, limit)).stream().map(PostItems::post).toList();
    }

    @Override
    public Page page(String communityId, Optional<String> before, int limit) {
        if (limit <= 0) {
            return new Page(List.of(), false);
        }
        // Going on after a post's key: ids sort by time, so what follows is older (the post itself may be gone).
        Map<String, AttributeValue> after = before.map(id -> Keys.key(Keys.community(communityId), Keys.post(id)))
                .orElse(null);
        QueryResponse first = table.queryFrom(PAGE, newest(communityId, Math.min(limit, FIRST_READ)), after);
        List<Map<String, AttributeValue>> items = new ArrayList<>(first.items());
        Map<String, AttributeValue> next = lastKey(first);
        if (next != null && items.size() < limit) {
            long read = blocks(ItemSizes.total(items)) * CapacityCalculator.READ_UNIT_BYTES;
            long largest = items.stream().mapToLong(ItemSizes::of).max().orElse(1);
            int fits = (int) Math.min(limit - items.size(), Math.max(0, PAGE_BYTES - read) / largest);
            if (fits > 0) {
                QueryResponse more = table.queryFrom(PAGE, newest(communityId, fits), next);
                items.addAll(more.items());
                next = lastKey(more);
            }
        }
        return new Page(items.stream().map(PostItems::post).toList(), next != null);
    }

    /**
     * Two key ranges, newest first: {@code POST#<from>} to {@code POST#~}, then {@code THREAD#<from>} to
     * {@code THREAD#~} (a reply's key begins with its thread's id), each read on only while the cap allows. Whole
     * items: DynamoDB bills a projection's read as the whole item's, and the usage meter counts what comes back.
     */
    @Override
    public Recent recent(String communityId, Instant postsFrom, Instant threadsFrom, int cap) {
        Range posts = range(communityId, Keys.POST_PREFIX, postsFrom, cap);
        Range replies = range(communityId, Keys.THREAD_PREFIX, threadsFrom, cap - posts.items().size());
        return new Recent(posts.items(), replies.items(), posts.capped() || replies.capped());
    }

    private record Range(List<Post> items, boolean capped) {
    }

    private Range range(String communityId, String prefix, Instant from, int cap) {
        List<Post> items = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        do {
            // One more than the cap allows: an item past it says the cap left some out.
            int wanted = cap - items.size() + 1;
            QueryResponse page = table.queryFrom(RECENT, q -> q
                    .keyConditionExpression("pk = :community AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                            ":from", s(prefix + Ulid.earliest(from)), ":to", s(prefix + "~")))
                    .scanIndexForward(false)
                    .limit(wanted)
                    .consistentRead(false), next);
            page.items().forEach(item -> items.add(PostItems.post(item)));
            next = lastKey(page);
        } while (next != null && items.size() <= cap);
        boolean capped = items.size() > cap;
        return new Range(capped ? items.subList(0, cap) : items, capped);
    }

    /** Each community's page in a thread of its own: a home feed waits for the slowest read, not for their sum. */
    @Override
    public Map<String, Page> pages(List<String> communityIds, Optional<String> before, int limit) {
        Map<String, Future<Page>> reading = new LinkedHashMap<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            communityIds.forEach(id -> reading.put(id, readers.submit(() -> page(id, before, limit))));
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        reading.forEach((id, page) -> pages.put(id, result(page)));
        return pages;
    }

    /** What a read gave, or the failure it met, as the same read on this thread would throw it. */
    private static Page result(Future<Page> read) {
        try {
            return read.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a home feed", interrupted);
        }
    }

    private static Consumer<QueryRequest.Builder> newest(String communityId, int limit) {
        return q -> q.keyConditionExpression("pk = :community AND begins_with(sk, :post)")
                .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                        ":post", s(Keys.POST_PREFIX)))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(false);
    }

    private static Map<String, AttributeValue> lastKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
    }

    private static long blocks(long bytes) {
        return (bytes + CapacityCalculator.READ_UNIT_BYTES - 1) / CapacityCalculator.READ_UNIT_BYTES;
    }
}
