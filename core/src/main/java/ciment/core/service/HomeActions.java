package ciment.core.service;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.port.Communities;
import ciment.core.port.People;
import ciment.core.reply.Home;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's home: their communities (with the requests waiting where they steward), their invitations
 * and suggestions. A guest is shown only what they belong or are invited to, as discovery shows them.
 */
public record HomeActions(Communities communities, People people) {
    public Home home(Person person) {
        List<Membership> memberships = communities.membershipsOf(person.id());
        Set<String> invitations = Set.copyOf(communities.invitationsOf(person.id()));
        Map<String, Community> catalog = communities.catalog().stream()
                .collect(Collectors.toMap(Community::id, Function.identity(), (a, b) -> a));
        Set<String> mineIds = memberships.stream().map(Membership::communityId).collect(Collectors.toSet());

        List<Home.Mine> mine = new ArrayList<>();
        memberships.stream().sorted(Comparator.comparing(Membership::slug)).forEach(membership -> {
            // The catalog may be a few seconds old (each container keeps it a while): one made since is read alone.
            Community community = Optional.ofNullable(catalog.get(membership.communityId()))
                    .or(() -> communities.find(membership.slug())).orElse(null);
            if (community != null) {
                mine.add(mine(community, membership));
            }
        });
        List<Community> invited = catalog.values().stream()
                .filter(c -> invitations.contains(c.id()) && !mineIds.contains(c.id()) && !c.archived())
                .sorted(Comparator.comparing(Community::slug))
                .toList();
        Profile profile = people.profile(person);
        List<Community> suggested = person.guest() ? List.of()
                : CommunityActions.suggestions(profile, List.copyOf(catalog.values()), mineIds).stream()
                        .filter(c -> !invitations.contains(c.id()))
                        .toList();
        List<String> topics = new ArrayList<>(profile.roles());
        topics.addAll(profile.skills());
        return new Home(person, mine, invited, suggested, topics);
    }

    /** One of my communities; a steward also sees who waits to join it (one read per community stewarded). */
    private Home.Mine mine(Community community, Membership membership) {
        if (!membership.isSteward()) {
            return new Home.Mine(community, membership.role(), List.of(), Map.of());
        }
        List<JoinRequest> requests = communities.requests(community.id());
        Map<String, List<ChatAccount>> accounts = new HashMap<>();
        for (JoinRequest request : requests) {
            accounts.computeIfAbsent(request.personId(), id -> people.accounts(new Person(id, request.personName())));
        }
        return new Home.Mine(community, membership.role(), requests, accounts);
    }
}
