package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.DigestCadence;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Topic;
import ciment.core.port.People;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * People and threads written in bulk for a benchmark (BatchWriteItem, 25 items a request), as the store would hold
 * them after their requests: a person's identity link and PROFILE (with the skills declared), memberships and digest
 * item; a thread's first post with its counts. Not for
 * the functions: it skips the transactions that keep counts and claims, which on moto copy the whole table each
 * (thousands of them take minutes and gigabytes there; DynamoDB needs no such shortcut).
 */
public final class BulkSeed {
    private static final int BATCH = 25;

    private final DynamoDbClient client;
    private final String table;
    private final List<Map<String, AttributeValue>> pending = new ArrayList<>();

    public BulkSeed(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A person with one chat account, the skills they declared, their memberships and chosen digest cadence. */
    public BulkSeed person(ChatAccount account, Person person, List<Topic> skills, List<Membership> memberships,
            DigestCadence cadence) {
        var profile = PersonItems.profile(person);
        if (!skills.isEmpty()) {
            profile.put(PersonItems.textsOf(People.Kind.SKILL), Items.strings(skills.stream().map(Topic::text).toList()));
            profile.put(PersonItems.keysOf(People.Kind.SKILL), AttributeValue.fromSs(skills.stream().map(Topic::key).toList()));
            skills.forEach(skill -> add(PersonItems.topicEntry(skill, person, People.Kind.SKILL)));
        }
        add(profile);
        add(PersonItems.identity(account, person));
        memberships.forEach(membership -> add(CommunityItems.membership(membership)));
        var digest = new HashMap<>(Keys.digest(person.id()));
        digest.put(DynamoDigests.CADENCE, s(cadence.name()));
        add(digest);
        return this;
    }

    /** A thread's first post (a question too) with the replies and reactions it counts, as if they had been made. */
    public BulkSeed thread(Post post) {
        Map<String, AttributeValue> item = PostItems.post(post);
        item.put(PostItems.REPLIES, Items.n(post.replyCount()));
        post.reactions().forEach((emoji, count) -> item.put(PostItems.REACTION_PREFIX + emoji, Items.n(count)));
        add(item);
        return this;
    }

    /** Writes what is left. */
    public void flush() {
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<WriteRequest> writes = pending.subList(from, Math.min(pending.size(), from + BATCH)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> left = Map.of(table, writes);
            while (!left.isEmpty()) {
                Map<String, List<WriteRequest>> request = left;
                left = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
        pending.clear();
    }

    private void add(Map<String, AttributeValue> item) {
        pending.add(item);
    }
}
