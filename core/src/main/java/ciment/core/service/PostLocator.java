package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds a post a person names, in the communities they belong to: others' posts are not theirs to touch. */
record PostLocator(Communities communities, Conversations conversations) {
    /** A post found, with the finder's membership of its community. */
    record Located(Post post, Membership membership) {
    }

    Located locate(Person person, PostRef ref) {
        Map<String, Membership> mine = communities.membershipsOf(person.id()).stream()
                .collect(Collectors.toMap(Membership::communityId, m -> m, (a, b) -> a));
        int hint = Ulid.hintOf(ref.isReply() ? ref.rootId() : ref.id());
        Set<String> hinted = mine.keySet().stream().filter(id -> PostActions.hintOf(id) == hint)
                .collect(Collectors.toSet());
        // Posts made before ids carried a hint (or by hand) are looked for everywhere.
        Post post = conversations.find(hinted, ref).or(() -> conversations.find(without(mine.keySet(), hinted), ref))
                .orElseThrow(() -> new Refusal(notFound(ref)));
        return new Located(post, mine.get(post.communityId()));
    }

    private static Set<String> without(Set<String> all, Set<String> tried) {
        return all.stream().filter(id -> !tried.contains(id)).collect(Collectors.toSet());
    }

    static Message notFound(PostRef ref) {
        return Message.of("core.post.notFound", ref);
    }
}
