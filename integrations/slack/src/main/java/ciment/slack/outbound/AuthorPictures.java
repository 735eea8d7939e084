package ciment.slack.outbound;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.People;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The picture a mirrored copy shows beside its author's name (chat.postMessage's icon_url): the author's
 * Slack profile picture when they have a Slack account in the copy's workspace (users.info). Someone known
 * only in Teams has none Ciment can read (that needs Microsoft Graph), and Slack then shows the app's icon.
 * Remembered per container, so an author costs one lookup however many copies they get.
 */
final class AuthorPictures {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorPictures.class);
    private static final int REMEMBERED = 1000;

    private final People people;
    private final WorkspaceClients slack;
    private final Map<String, Optional<String>> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > REMEMBERED;
        }
    };

    AuthorPictures(People people, WorkspaceClients slack) {
        this.people = people;
        this.slack = slack;
    }

    /** The author's picture in this workspace, or empty (no Slack account here, a removed post, Slack said no). */
    synchronized Optional<String> of(Post post, String workspace) {
        if (post.isRemoved() || post.authorId() == null) {
            return Optional.empty();
        }
        String key = post.authorId() + "@" + workspace;
        Optional<String> picture = known.get(key);
        if (picture == null) {
            picture = lookUp(post, workspace);
            if (picture != null) {
                known.put(key, picture);
            }
        }
        return picture == null ? Optional.empty() : picture;
    }

    /** Null when Slack could not be asked just now: asked again for the next copy. */
    private Optional<String> lookUp(Post post, String workspace) {
        Optional<ChatAccount> account = people.accounts(new Person(post.authorId(), post.authorName())).stream()
                .filter(a -> a.platform() == Platform.SLACK && a.workspace().equals(workspace)).findFirst();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        try {
            UsersInfoResponse info = slack.of(workspace).usersInfo(r -> r.user(account.get().userId()));
            if (info.isOk() && info.getUser() != null && info.getUser().getProfile() != null) {
                return Optional.ofNullable(info.getUser().getProfile().getImage72());
            }
            LOG.info("users.info for a copy's author answered {}", info.getError());
        } catch (Exception e) {
            LOG.warn("users.info for a copy's author failed ({})", e.toString());
            return null;
        }
        return Optional.empty();
    }
}
