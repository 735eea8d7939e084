package ciment.core.port;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import java.util.List;

/** A person's own data: collected for export-my-data, deleted by erase-my-data. */
public interface PersonalRecords extends PersonalDataSource {

    /** An erasure's outcome: done, or stopped because the person is the last steward of these communities. */
    record Erased(List<Slug> lastStewardOf) {
        public static final Erased DONE = new Erased(List.of());

        public Erased {
            lastStewardOf = List.copyOf(lastStewardOf);
        }

        public boolean done() {
            return lastStewardOf.isEmpty();
        }
    }

    /**
     * Deletes everything held about the person and the people merged into them: their posts, and the posts
     * credited to their accounts ({@link #credit}), become removed posts (they keep their place, without text or author), memberships go (counts follow),
     * requests, invitations, roles and skills, email address and profile, and the chat accounts' links
     * last. The person is first marked as being erased (their next request sees {@link
     * ciment.core.model.Person#erasing()}), so an erasure interrupted anywhere is finished by running it
     * again. A membership whose leaving would leave a community without a steward stops it (nothing more
     * is deleted); the outcome names those communities.
     */
    Erased erase(Person person);

    /**
     * Records that the post carries the words of whoever uses this account, saved by someone else ("Save to
     * community"): their export includes it, and their erasure removes it as it removes their own posts, even
     * when they used Ciment only after it was saved. Recording it again changes nothing.
     */
    void credit(ChatAccount author, Post post);
}
