package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.Post;
import ciment.core.port.Posts;
import java.util.List;
import java.util.Map;

/** Posts, kept in their community's partition under sortable ids: the newest page is one Query. */
final class DynamoPosts implements Posts {
    static final String ADD = "posts.add";
    static final String LATEST = "posts.latest";

    private final Table table;

    DynamoPosts(Table table) {
        this.table = table;
    }

    /** One conditional put: a retried or duplicated request finds its post there and writes nothing. */
    @Override
    public boolean add(Post post) {
        return table.putNew(ADD, Items.post(post));
    }

    @Override
    public List<Post> latest(String communityId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return table.query(LATEST, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :post)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":post", s(Keys.POST_PREFIX)))
                        .scanIndexForward(false)
                        .limit(limit)
                        .consistentRead(false))
                .stream().map(Items::post).toList();
    }
}
