package ciment.infra.dynamo;

import static ciment.infra.dynamo.PersonalIndex.ALIAS_DEPTH;

import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.port.Digests;
import ciment.core.port.PersonalRecords;
import ciment.core.privacy.PersonalData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person's own data, collected for export-my-data and deleted by erase-my-data, without a scan: what
 * is theirs is in the first index under {@code P#<id>} (memberships, accounts, requests, invitations), what
 * names them elsewhere in the second (posts, invitations they gave, people merged into them, notices to
 * their accounts), and the posts others saved with their words beside their accounts' identity links.
 *
 * <p>An erasure is a sequence of steps, like a merge: each deletes what is left of its kind and can run
 * again. The person is marked first (PROFILE and identity links say {@code erasing}), so that their next
 * request, which still finds them, finishes an erasure that was interrupted; their identity links go last.
 * Memberships go before posts: a membership that a last steward cannot leave stops the erasure before
 * anything else is deleted.
 */
record DynamoPrivacy(Table table, DynamoGrants grants, PersonalIndex index, Erasure erasure)
        implements PersonalRecords {
    static final String COLLECT = "privacy.collect";
    static final String ERASE = "privacy.erase";
    static final String CREDIT = "privacy.credit";

    /** On the table, erasing through the repositories that hold a person's memberships, profile and grants. */
    static DynamoPrivacy over(Table table, DynamoCommunities communities, DynamoPeople people, DynamoGrants grants) {
        PersonalIndex index = new PersonalIndex(table);
        return new DynamoPrivacy(table, grants, index, new Erasure(table, index, communities, people, grants));
    }

    /** A step of an erasure, named for tests that stop between two. Each returns the communities that stopped it. */
    record Step(String name, Supplier<List<Slug>> action) {
    }

    // ---- export ----

    @Override
    public Optional<PersonalData> personalData(String personId) {
        return collect(personId, 0);
    }

    private Optional<PersonalData> collect(String personId, int hops) {
        Optional<Map<String, AttributeValue>> profileItem = table.get(COLLECT, Keys.profile(personId), true);
        if (profileItem.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> mergedInto = Items.optional(profileItem.get(), PersonItems.MERGED_INTO);
        if (mergedInto.isPresent()) {
            // Merged after asking for the file: the file is the person they became.
            if (hops >= ALIAS_DEPTH) {
                throw new IllegalStateException("person " + personId + " is merged more than " + ALIAS_DEPTH + " times over");
            }
            return collect(mergedInto.get(), hops + 1);
        }
        Person person = PersonItems.personOfProfile(profileItem.get());
        Profile profile = PersonItems.profile(person, profileItem.get());
        List<ChatAccount> accounts = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        List<JoinRequest> requests = new ArrayList<>();
        List<Invitation> invitations = new ArrayList<>();
        // One query of the person's partition of the first index gives all four.
        for (Map<String, AttributeValue> item : index.ofPerson(COLLECT, personId)) {
            String sortKey = Items.str(item, Keys.GSI1_SK);
            if (sortKey.startsWith(Keys.IDENTITY_PREFIX)) {
                accounts.add(PersonItems.accountOfIdentity(item));
            } else if (sortKey.startsWith(Keys.request(Keys.COMMUNITY_PREFIX))) {
                requests.add(CommunityItems.joinRequest(item));
            } else if (sortKey.startsWith(Keys.invitation(Keys.COMMUNITY_PREFIX))) {
                invitations.add(CommunityItems.invitation(item));
            } else if (sortKey.startsWith(Keys.COMMUNITY_PREFIX)) {
                memberships.add(CommunityItems.membership(item));
            }
        }
        Set<String> ids = index.withAliases(COLLECT, personId);
        Set<Map<String, AttributeValue>> postKeys = new LinkedHashSet<>();
        for (String id : ids) {
            postKeys.addAll(index.named(COLLECT, Keys.person(id), Keys.POST_PREFIX).stream()
                    .map(PersonalIndex::tableKey).toList());
        }
        // Their words that others saved to a community are theirs too.
        for (ChatAccount account : accounts) {
            index.creditsOf(COLLECT, Keys.identity(account))
                    .forEach(credit -> postKeys.add(PostItems.creditedPost(credit)));
        }
        List<Post> posts = table.batchGet(COLLECT, List.copyOf(postKeys), false).stream().map(PostItems::post)
                .filter(post -> !post.isRemoved())
                .sorted(Comparator.comparing(Post::id)).toList();
        List<PersonalData.Reaction> reactions = new ArrayList<>();
        for (String id : ids) {
            index.reactionsOf(COLLECT, id).forEach(item -> reactions.add(reaction(Items.str(item, Keys.SK))));
        }
        reactions.sort(Comparator.comparing(PersonalData.Reaction::postId).thenComparing(PersonalData.Reaction::emoji));
        List<String> granted = ids.stream().flatMap(id -> grants.grantsOf(COLLECT, id).stream())
                .map(grant -> grant.name().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
        List<PersonalData.Acknowledgement> acknowledgements = ids.stream()
                .flatMap(id -> index.acknowledgementsOf(COLLECT, id).stream()).map(AnnouncementItems::acknowledgement)
                .sorted(Comparator.comparing(PersonalData.Acknowledgement::at)).toList();
        return Optional.of(new PersonalData(profile, accounts, memberships, requests, invitations, posts,
                ids.stream().filter(id -> !id.equals(personId)).sorted().toList(), reactions, granted, follows(ids),
                new DynamoDigests(table).find(personId).map(Digests.Subscriber::exported).orElse(Map.of()),
                acknowledgements));
    }

    /** The threads they followed or muted by their own say: named in the second index, read for their state. */
    private List<PersonalData.Followed> follows(Set<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            index.named(COLLECT, Keys.person(id), DynamoFollows.FOLLOW_PREFIX).stream()
                    .filter(key -> !Items.str(key, Keys.GSI2_SK).endsWith(DynamoFollows.TOLD_SUFFIX))
                    .forEach(key -> keys.add(PersonalIndex.tableKey(key)));
        }
        return table.batchGet(COLLECT, keys, false).stream().map(item -> {
            String sortKey = Items.str(item, Keys.SK);
            String root = sortKey.substring(DynamoFollows.FOLLOW_PREFIX.length(), sortKey.lastIndexOf('#'));
            return new PersonalData.Followed("#" + root, Items.str(item, DynamoFollows.STATE));
        }).sorted(Comparator.comparing(PersonalData.Followed::post)).toList();
    }

    /** R#<postId>#<emoji>: emoji names hold no '#', post ids may (a reply's root/reply), so split at the last. */
    private static PersonalData.Reaction reaction(String sortKey) {
        String rest = sortKey.substring(Keys.REACTION_PREFIX.length());
        int cut = rest.lastIndexOf('#');
        return new PersonalData.Reaction(rest.substring(0, cut), rest.substring(cut + 1));
    }

    // ---- erase ----

    @Override
    public Erased erase(Person person) {
        for (Step step : steps(person)) {
            List<Slug> stopped = step.action().get();
            if (!stopped.isEmpty()) {
                return new Erased(stopped);
            }
        }
        return Erased.DONE;
    }

    /** The steps of an erasure, in their order. */
    List<Step> steps(Person person) {
        return erasure.steps(person);
    }

    /** One put beside the author's identity link; a retry finds it there and writes nothing. */
    @Override
    public void credit(ChatAccount author, Post post) {
        table.putNew(CREDIT, PostItems.credit(author, post));
    }
}
