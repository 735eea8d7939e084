package ciment.core.privacy;

import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import java.util.List;

/** Everything Ciment holds about one person: what export-my-data sends them and erase-my-data deletes. */
public record PersonalData(
        Profile profile,
        List<ChatAccount> accounts,
        List<Membership> memberships,
        List<JoinRequest> requests,
        List<Invitation> invitations,
        List<Post> posts) {

    public PersonalData {
        accounts = List.copyOf(accounts);
        memberships = List.copyOf(memberships);
        requests = List.copyOf(requests);
        invitations = List.copyOf(invitations);
        posts = List.copyOf(posts);
    }
}
