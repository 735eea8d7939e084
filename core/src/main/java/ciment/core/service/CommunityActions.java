package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Refusal;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.People;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creating, joining, leaving, discovering and describing communities. */
public record CommunityActions(Communities communities, People people, Clock clock, WriteQuota quota) {
    static final int LIST_LIMIT = 20;
    static final int SUGGESTION_LIMIT = 5;

    public Reply create(Person creator, Slug slug, String purpose) {
        if (creator.guest()) {
            return new Reply.Refused(Message.of("core.create.guest"));
        }
        quota.spend(creator, WriteQuota.Kind.CREATE, Message.of("core.nothing.created"));
        Instant now = clock.instant();
        Community community = Community.founded(Ulid.random(now), slug, purpose, creator.id(), now);
        Membership steward = new Membership(community.id(), slug, creator.id(), Role.STEWARD, now);
        return switch (communities.create(community, steward)) {
            case CREATED -> new Reply.Done(Message.of("core.create.done", slug));
            case SLUG_TAKEN -> new Reply.Refused(Message.of("core.create.taken", slug));
        };
    }

    public Reply join(Person person, Caller caller, Slug slug) {
        Community community = writable(visibleTo(person, slug));
        Instant now = clock.instant();
        // An invitation lets anyone in without a request (and is the only way in for a guest).
        boolean invited = (person.guest() || !community.open()) && communities.invited(community.id(), person.id());
        if (!community.open() && !invited) {
            JoinRequest request = new JoinRequest(community.id(), slug, person.id(), person.displayName(), now,
                    caller.replyTo());
            return switch (communities.request(request)) {
                case FILED -> new Reply.Done(Message.of("core.join.requested", slug));
                case ALREADY_FILED -> new Reply.Refused(Message.of("core.join.alreadyRequested", slug));
                case ALREADY_MEMBER -> new Reply.Refused(Message.of("core.join.alreadyMember", slug));
            };
        }
        Membership membership = new Membership(community.id(), slug, person.id(), Role.MEMBER, now);
        return switch (communities.join(membership)) {
            case JOINED -> new Reply.Done(Welcomes.greeted(Message.of("core.join.done", slug), community));
            case ALREADY_MEMBER -> new Reply.Refused(Message.of("core.join.alreadyMember", slug));
            case NO_SUCH_COMMUNITY -> new Reply.Refused(noSuch(slug));
        };
    }

    public Reply leave(Person person, Slug slug) {
        Community community = visibleTo(person, slug);
        return switch (communities.leave(community.id(), person.id())) {
            case LEFT -> new Reply.Done(Message.of("core.leave.done", slug));
            case NOT_MEMBER -> new Reply.Refused(Message.of("core.leave.notMember", slug));
            case LAST_STEWARD -> new Reply.Refused(Message.of("core.leave.lastSteward", slug));
        };
    }

    public Reply discover(Person person, String words) {
        ListPage page = ListPage.of(words);
        String query = page.query();
        String folded = Text.fold(query);
        Map<String, Membership> mine = communities.membershipsOf(person.id()).stream()
                .collect(Collectors.toMap(Membership::communityId, Function.identity()));
        Set<String> invitations = Set.copyOf(communities.invitationsOf(person.id()));
        List<Community> visible = communities.catalog().stream()
                .filter(c -> !person.guest() || mine.containsKey(c.id()) || invitations.contains(c.id()))
                .toList();
        List<Community> matching = visible.stream()
                .filter(c -> folded.isEmpty() || matches(c, folded))
                .sorted(Comparator.comparing(Community::archived)
                        .thenComparing(Comparator.comparingInt(Community::memberCount).reversed())
                        .thenComparing(Community::slug))
                .toList();
        Function<Community, Reply.Listed> listed = c -> new Reply.Listed(c, mine.containsKey(c.id()),
                invitations.contains(c.id()));
        List<Reply.Listed> found = matching.stream().skip(page.offset()).limit(LIST_LIMIT).map(listed).toList();
        if (person.guest() && matching.isEmpty() && folded.isEmpty()) {
            return new Reply.Done(Message.of("core.discover.guestUninvited"));
        }
        List<Reply.Listed> suggested = folded.isEmpty() && !person.guest() && page.offset() == 0
                ? suggestions(person, visible, mine.keySet()).stream().map(listed).toList()
                : List.of();
        int after = page.offset() + found.size();
        String next = after < matching.size()
                ? ("communities " + query).strip() + " " + ListPage.cursor(query, after) : "";
        return new Reply.CommunityList(query, found, suggested, matching.size() - found.size(), page.offset(), next);
    }

    /** Communities tagged with one of the person's roles or skills, that they are not part of yet. */
    private List<Community> suggestions(Person person, List<Community> visible, Set<String> mine) {
        return suggestions(people.profile(person), visible, mine);
    }

    /** The same, from a profile already read (the home view reads it for itself). */
    static List<Community> suggestions(Profile profile, List<Community> visible, Set<String> mine) {
        Set<String> topics = new HashSet<>();
        profile.roles().forEach(role -> topics.add(Text.fold(role)));
        profile.skills().forEach(skill -> topics.add(Text.fold(skill)));
        if (topics.isEmpty()) {
            return List.of();
        }
        return visible.stream()
                .filter(c -> !c.archived() && !mine.contains(c.id()) && c.tags().stream().anyMatch(topics::contains))
                .sorted(Comparator.comparing(Community::slug))
                .limit(SUGGESTION_LIMIT)
                .toList();
    }

    public Reply info(Person person, Slug slug) {
        Community community = visibleTo(person, slug);
        List<String> stewardIds = communities.stewards(community.id());
        List<Person> stewards = people.people(stewardIds).stream()
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Reply.Standing standing = communities.membership(community.id(), person.id())
                .map(m -> m.isSteward() ? Reply.Standing.STEWARD : Reply.Standing.MEMBER)
                .orElseGet(() -> communities.invited(community.id(), person.id()) ? Reply.Standing.INVITED
                        : requested(community, person) ? Reply.Standing.REQUESTED : Reply.Standing.NONE);
        Map<String, List<ChatAccount>> accounts = stewards.stream()
                .collect(Collectors.toMap(Person::id, people::accounts, (a, b) -> a));
        return new Reply.Info(community, stewards, standing, accounts);
    }

    Community existing(Slug slug) {
        return communities.find(slug).orElseThrow(() -> new Refusal(noSuch(slug)));
    }

    /**
     * The community as this person may see it. A guest sees only the communities they belong or are
     * invited to: to them, the others do not exist, and the refusal says no more than that.
     */
    Community visibleTo(Person person, Slug slug) {
        Community community = existing(slug);
        if (person.guest() && communities.membership(community.id(), person.id()).isEmpty()
                && !communities.invited(community.id(), person.id())) {
            throw new Refusal(noSuch(slug));
        }
        return community;
    }

    /** A community the person stewards; refused, saying who can, otherwise. */
    Community stewardedBy(Person person, Slug slug, Message action) {
        Community community = existing(slug);
        boolean steward = communities.membership(community.id(), person.id()).map(Membership::isSteward).orElse(false);
        if (!steward) {
            throw new Refusal(Message.of("core.steward.only", slug, action));
        }
        return community;
    }

    /** A community whose posts the person may read: a closed community's posts are for its members. */
    Community readableBy(Person person, Slug slug) {
        Community community = visibleTo(person, slug);
        if (!community.open() && communities.membership(community.id(), person.id()).isEmpty()) {
            throw new Refusal(Message.of("core.community.closed", slug));
        }
        return community;
    }

    /** An archived community is read-only: nothing is posted to it and nobody joins it. */
    static Community writable(Community community) {
        if (community.archived()) {
            throw new Refusal(Message.of("core.community.archived", community.slug()));
        }
        return community;
    }

    private boolean requested(Community community, Person person) {
        return !community.open() && communities.requests(community.id()).stream()
                .anyMatch(r -> r.personId().equals(person.id()));
    }

    private static boolean matches(Community community, String foldedQuery) {
        String haystack = Text.fold(community.slug() + " " + community.name() + " " + community.purpose() + " "
                + String.join(" ", community.tags()));
        for (String word : foldedQuery.split(" ")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static Message noSuch(Slug slug) {
        return Message.of("core.community.noSuch", slug);
    }
}
