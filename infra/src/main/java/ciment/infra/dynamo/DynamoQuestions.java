package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Post;
import ciment.core.port.Questions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Questions and knowledge. A question is in the first index under its community ({@code Q#<community>} /
 * {@code open#<id>}, then {@code done#<id>} once answered), so listing them is one query. A pinned post is
 * flagged and named by a small item beside the community's posts ({@code KNOW#<id>}), read back by key.
 */
record DynamoQuestions(Table table) implements Questions {
    static final String ACCEPT = "questions.accept";
    static final String QUESTIONS = "questions.list";
    static final String PIN = "knowledge.pin";
    static final String KNOWLEDGE = "knowledge.list";
    private static final String ROOT = "root";

    @Override
    public boolean accept(Post question, Post answer) {
        return table.update(ACCEPT, PostItems.postKey(question), "SET #answer = :answer, #gsi1sk = :done",
                "#question = :yes AND attribute_not_exists(#removed) AND attribute_not_exists(#hidden)",
                Map.of("#answer", PostItems.ANSWER_ID, "#gsi1sk", Keys.GSI1_SK, "#question", PostItems.QUESTION,
                        "#removed", PostItems.REMOVED, "#hidden", PostItems.HIDDEN),
                Map.of(":answer", s(answer.id()), ":done", s(Keys.question(question.id(), true)),
                        ":yes", AttributeValue.fromBool(true)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(PostItems.ANSWER_ID, s(answer.id()));
                    after.put(Keys.GSI1_SK, s(Keys.question(question.id(), true)));
                    return after;
                }).isPresent();
    }

    /** "open#" sorts after "done#": newest first, the unanswered come first. */
    @Override
    public List<Post> questions(String communityId, boolean unansweredOnly, int limit) {
        return table.query(QUESTIONS, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression(unansweredOnly ? "gsi1pk = :questions AND begins_with(gsi1sk, :open)"
                                : "gsi1pk = :questions")
                        .expressionAttributeValues(unansweredOnly
                                ? Map.of(":questions", s(Keys.questions(communityId)), ":open", s(Keys.question("", false)))
                                : Map.of(":questions", s(Keys.questions(communityId))))
                        .scanIndexForward(false)
                        .limit(limit))
                .stream().map(PostItems::post).toList();
    }

    @Override
    public boolean pin(Post post, boolean pin) {
        boolean changed = table.update(PIN, PostItems.postKey(post), pin ? "SET #pinned = :yes" : "REMOVE #pinned",
                pin ? "attribute_exists(pk) AND attribute_not_exists(#pinned) AND attribute_not_exists(#removed)"
                        : "attribute_exists(#pinned)",
                pin ? Map.of("#pinned", PostItems.PINNED, "#removed", PostItems.REMOVED) : Map.of("#pinned", PostItems.PINNED),
                pin ? Map.of(":yes", AttributeValue.fromBool(true)) : Map.of(), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    if (pin) {
                        after.put(PostItems.PINNED, AttributeValue.fromBool(true));
                    } else {
                        after.remove(PostItems.PINNED);
                    }
                    return after;
                }).isPresent();
        if (changed) {
            Map<String, AttributeValue> marker = marker(post);
            if (pin) {
                table.putNew(PIN, marker);
            } else {
                table.delete(PIN, Keys.key(marker.get(Keys.PK).s(), marker.get(Keys.SK).s()), "attribute_exists(pk)");
            }
        }
        return changed;
    }

    /** The markers, newest post first, then the posts they name, read together by key. */
    @Override
    public List<Post> knowledge(String communityId, int limit) {
        List<Map<String, AttributeValue>> markers = table.query(KNOWLEDGE, q -> q
                .keyConditionExpression("pk = :community AND begins_with(sk, :knowledge)")
                .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                        ":knowledge", s(Keys.KNOWLEDGE_PREFIX)))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(false));
        if (markers.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = markers.stream().map(marker -> {
            String id = Keys.idIn(Items.str(marker, Keys.SK), Keys.KNOWLEDGE_PREFIX);
            return Keys.key(Keys.community(communityId), Items.optional(marker, ROOT)
                    .map(root -> Keys.reply(root, id)).orElse(Keys.post(id)));
        }).toList();
        return table.batchGet(KNOWLEDGE, keys, false).stream().map(PostItems::post)
                .sorted(Comparator.comparing(Post::id).reversed()).toList();
    }

    private static Map<String, AttributeValue> marker(Post post) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.community(post.communityId()), Keys.knowledge(post)));
        if (post.isReply()) {
            item.put(ROOT, s(post.rootId()));
        }
        return item;
    }
}
