package ciment.core.reply;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Role;
import java.util.List;
import java.util.Map;

/**
 * A person's home in a chat tool that has one (Slack's App Home): the communities they are in, with the
 * join requests waiting in those they steward; the communities they are invited to; and suggestions
 * tagged with their roles and skills. Not a {@link Reply}: only the tools with a home draw it.
 *
 * @param invitations communities that invited the person and that they have not joined yet
 * @param suggestions communities tagged with one of their roles or skills (never for a guest)
 * @param topics      the roles and skills they declared, as typed (empty: suggestions need some)
 */
public record Home(Person person, List<Mine> communities, List<Community> invitations, List<Community> suggestions,
        List<String> topics) {

    public Home {
        communities = List.copyOf(communities);
        invitations = List.copyOf(invitations);
        suggestions = List.copyOf(suggestions);
        topics = List.copyOf(topics);
    }

    /**
     * A community the person is in. {@code requests} are the join requests waiting in it (only for its
     * stewards, oldest first) and {@code accounts} the chat accounts of the people asking, by person id.
     */
    public record Mine(Community community, Role role, List<JoinRequest> requests,
            Map<String, List<ChatAccount>> accounts) {
        public Mine {
            requests = List.copyOf(requests);
            accounts = Map.copyOf(accounts);
        }

        public boolean steward() {
            return role == Role.STEWARD;
        }
    }
}
