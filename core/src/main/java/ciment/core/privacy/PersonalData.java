package ciment.core.privacy;

import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Ciment holds about one person: what export-my-data sends them and erase-my-data deletes.
 * {@code mergedIds}: the ids of the people merged into this one (the same person met earlier on another
 * account); their posts and replies are among {@code posts}, and {@code reactions} are theirs (counts on
 * posts name nobody). {@code grants}: the roles an admin granted them ("finance", "admin"; issue 6).
 */
public record PersonalData(
        Profile profile,
        List<ChatAccount> accounts,
        List<Membership> memberships,
        List<JoinRequest> requests,
        List<Invitation> invitations,
        List<Post> posts,
        List<String> mergedIds,
        List<Reaction> reactions,
        List<String> grants,
        List<Followed> follows,
        Map<String, String> settings,
        List<Acknowledgement> acknowledgements) {

    /** One reaction of the person: which post, which emoji. */
    public record Reaction(String postId, String emoji) {
    }

    /** A thread the person followed or muted by their own say: its first post ({@code #<id>}), follow or muted. */
    public record Followed(String post, String state) {
    }

    /** Got it, clicked under an announcement: which community's, of which day, and when. */
    public record Acknowledgement(String community, String day, String at) {
    }

    public PersonalData {
        acknowledgements = List.copyOf(acknowledgements);
        accounts = List.copyOf(accounts);
        memberships = List.copyOf(memberships);
        requests = List.copyOf(requests);
        invitations = List.copyOf(invitations);
        posts = List.copyOf(posts);
        mergedIds = List.copyOf(mergedIds);
        reactions = List.copyOf(reactions);
        grants = List.copyOf(grants);
        follows = List.copyOf(follows);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Without settings kept apart from the profile (none: the digest's default). */
    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts, List<String> mergedIds,
            List<Reaction> reactions, List<String> grants, List<Followed> follows) {
        this(profile, accounts, memberships, requests, invitations, posts, mergedIds, reactions, grants, follows,
                Map.of());
    }

    /** Without acknowledgements of announcements (a store that keeps none). */
    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts, List<String> mergedIds,
            List<Reaction> reactions, List<String> grants, List<Followed> follows, Map<String, String> settings) {
        this(profile, accounts, memberships, requests, invitations, posts, mergedIds, reactions, grants, follows,
                settings, List.of());
    }

    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts, List<String> mergedIds,
            List<Reaction> reactions, List<String> grants) {
        this(profile, accounts, memberships, requests, invitations, posts, mergedIds, reactions, grants, List.of());
    }

    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts, List<String> mergedIds,
            List<Reaction> reactions) {
        this(profile, accounts, memberships, requests, invitations, posts, mergedIds, reactions, List.of());
    }

    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts, List<String> mergedIds) {
        this(profile, accounts, memberships, requests, invitations, posts, mergedIds, List.of(), List.of());
    }

    public PersonalData(Profile profile, List<ChatAccount> accounts, List<Membership> memberships,
            List<JoinRequest> requests, List<Invitation> invitations, List<Post> posts) {
        this(profile, accounts, memberships, requests, invitations, posts, List.of(), List.of(), List.of());
    }
}
