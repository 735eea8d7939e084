package ciment.core.service;

import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.PersonRef;
import ciment.core.model.Recipient;
import ciment.core.model.Refusal;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Notices;
import ciment.core.port.People;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What stewards do: open or close, answer join requests, share stewardship, tag, archive and restore. */
public final class Stewardship {
    private final Communities communities;
    private final People people;
    private final Notices notices;
    private final CommunityActions communityActions;
    private final Identity identity;
    private final Clock clock;

    Stewardship(Communities communities, People people, Notices notices, CommunityActions communityActions,
            Identity identity, Clock clock) {
        this.communities = communities;
        this.people = people;
        this.notices = notices;
        this.communityActions = communityActions;
        this.identity = identity;
        this.clock = clock;
    }

    public Reply setOpen(Person steward, Slug slug, boolean open) {
        Community community = CommunityActions.writable(stewarded(steward, slug, open ? "open it" : "close it"));
        if (community.open() == open) {
            return new Reply.Refused(slug + " is already " + (open ? "open." : "closed."));
        }
        communities.change(community.id(), new Communities.Change.Openness(open));
        return new Reply.Done(open ? slug + " is open: anyone can join it."
                : slug + " is closed: joining now needs a steward's approval (see requests " + slug + ").");
    }

    public Reply requests(Person steward, Slug slug) {
        Community community = stewarded(steward, slug, "see its requests");
        List<JoinRequest> requests = communities.requests(community.id());
        Map<String, List<ChatAccount>> accounts = new HashMap<>();
        for (JoinRequest request : requests) {
            accounts.computeIfAbsent(request.personId(),
                    id -> people.accounts(new Person(id, request.personName())));
        }
        return new Reply.Requests(slug.value(), requests, accounts);
    }

    /**
     * A community's members and the chat tools they are on, for its stewards: stewards first, then by name; at
     * most {@link Reply.Members#SHOWN} of them are named (stewards, then the longest-standing), the count says
     * how many there are.
     */
    public Reply members(Person steward, Slug slug) {
        Community community = stewarded(steward, slug, "see its members");
        List<Membership> all = communities.members(community.id());
        // Stewards, then the longest-standing members: only the people named are read.
        Map<String, Membership> shown = new HashMap<>();
        all.stream().sorted(Comparator.comparing((Membership m) -> !m.isSteward()).thenComparing(Membership::since))
                .limit(Reply.Members.SHOWN).forEach(m -> shown.put(m.personId(), m));
        List<Reply.Members.Member> members = people.people(shown.keySet()).stream()
                .map(p -> new Reply.Members.Member(p, shown.get(p.id()).isSteward(),
                        people.accounts(p).stream().map(ChatAccount::platform).collect(Collectors.toSet())))
                .sorted(Comparator.comparing((Reply.Members.Member m) -> !m.steward())
                        .thenComparing(m -> m.person().displayName().toLowerCase(Locale.ROOT))
                        .thenComparing(m -> m.person().id()))
                .toList();
        return new Reply.Members(slug.value(), members, all.size());
    }

    public Reply decide(Person steward, Caller caller, Slug slug, PersonRef ref, boolean approve) {
        return decide(steward, slug, approve, () -> named(caller, ref));
    }

    /** The same answer to the request of a person known by id (a button next to their request). */
    public Reply decide(Person steward, Slug slug, String personId, boolean approve) {
        return decide(steward, slug, approve, () -> people.people(List.of(personId)).stream().findFirst()
                .orElseThrow(() -> new Refusal("No request from that person waits in " + slug
                        + " any more: see requests " + slug + ".")));
    }

    private Reply decide(Person steward, Slug slug, boolean approve, Supplier<Person> requester) {
        Community community = stewarded(steward, slug, approve ? "approve requests" : "decline requests");
        if (approve) {
            CommunityActions.writable(community);
        }
        Person person = requester.get();
        Optional<JoinRequest> pending = communities.pendingRequest(community.id(), person.id());
        if (pending.isEmpty()) {
            return new Reply.Refused(noRequest(person, slug));
        }
        Membership membership = new Membership(community.id(), slug, person.id(), Role.MEMBER, clock.instant());
        return switch (communities.decide(community.id(), person.id(), approve, membership)) {
            case APPROVED -> {
                tell(pending.get().replyTo(), "Your request to join " + slug + " was approved by " + steward.displayName()
                        + ": welcome! Post with post " + slug + " <text>.");
                yield new Reply.Done(person.displayName() + " is now a member of " + slug + ".");
            }
            case DECLINED -> {
                tell(pending.get().replyTo(), "Your request to join " + slug + " was declined by " + steward.displayName()
                        + ".");
                yield new Reply.Done("You declined " + person.displayName() + "'s request to join " + slug + ".");
            }
            case NO_REQUEST -> new Reply.Refused(noRequest(person, slug));
        };
    }

    private static String noRequest(Person person, Slug slug) {
        return "No request from " + person.displayName() + " waits in " + slug
                + " (another steward may have answered it): see requests " + slug + ".";
    }

    /** A notice for later delivery, when there is a way to reach the person. */
    private void tell(Recipient to, String text) {
        if (to != null) {
            notices.send(new Notice(Ulid.random(clock.instant()), to, text, clock.instant()));
        }
    }

    public Reply steward(Person steward, Caller caller, Slug slug, PersonRef ref, boolean add) {
        Community community = CommunityActions.writable(stewarded(steward, slug,
                add ? "name stewards" : "remove stewards"));
        Person person = named(caller, ref);
        String name = person.displayName();
        if (add && person.guest()) {
            return new Reply.Refused(name + " is a guest: guests take part, and stewardship stays with employees.");
        }
        if (add && community.stewardCount() >= Community.MAX_STEWARDS) {
            return new Reply.Refused(slug + " has " + community.stewardCount() + " stewards, the most a community keeps:"
                    + " remove one first with steward remove " + slug + " <person>.");
        }
        return switch (communities.setRole(community.id(), person.id(), add ? Role.STEWARD : Role.MEMBER)) {
            case CHANGED -> new Reply.Done(add ? name + " is now a steward of " + slug + "."
                    : name + " is no longer a steward of " + slug + ".");
            case ALREADY -> new Reply.Refused(name + (add ? " is already a steward of " : " is not a steward of ") + slug + ".");
            case NOT_MEMBER -> new Reply.Refused(name + " is not a member of " + slug + ": stewards are chosen among members.");
            case LAST_STEWARD -> new Reply.Refused(name + " is the only steward of " + slug
                    + ", and a community always keeps one: name another steward first.");
        };
    }

    public Reply invite(Person steward, Caller caller, Slug slug, PersonRef ref) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "invite people"));
        Person person = namedOrIntroduced(caller, ref);
        Invitation invitation = new Invitation(community.id(), slug, person.id(), steward.id(), clock.instant());
        return switch (communities.invite(invitation)) {
            case INVITED -> {
                tell(reachable(person, caller), steward.displayName() + " invited you to " + slug + " (" + community.purpose()
                        + "): join with join " + slug + ".");
                yield new Reply.Done(person.displayName() + " is invited to " + slug + ": they join with join " + slug
                        + (community.open() && !person.guest() ? "." : ", without waiting for approval."));
            }
            case ALREADY_INVITED -> new Reply.Refused(person.displayName() + " is already invited to " + slug + ".");
            case ALREADY_MEMBER -> new Reply.Refused(person.displayName() + " is already a member of " + slug + ".");
        };
    }

    public Reply tags(Person steward, Slug slug, List<Topic> tags) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "tag it"));
        List<String> keys = tags.stream().map(Topic::key).toList();
        communities.change(community.id(), new Communities.Change.Tags(keys));
        return new Reply.Done(slug + " is tagged " + String.join(", ", keys) + ".");
    }

    public Reply purpose(Person steward, Slug slug, String purpose) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "change its purpose"));
        communities.change(community.id(), new Communities.Change.Purpose(purpose));
        return new Reply.Done(slug + "'s purpose is now: " + purpose);
    }

    public Reply setArchived(Person steward, Slug slug, boolean archived) {
        Community community = stewarded(steward, slug, archived ? "archive it" : "restore it");
        if (community.archived() == archived) {
            return new Reply.Refused(slug + " is " + (archived ? "already archived." : "not archived."));
        }
        communities.change(community.id(), new Communities.Change.Archival(archived));
        return new Reply.Done(archived ? slug + " is archived: still readable, closed to posts and new members."
                : slug + " is restored: members can post again.");
    }

    /** The community, when the person is one of its stewards; a refusal naming the action otherwise. */
    private Community stewarded(Person person, Slug slug, String action) {
        return communityActions.stewardedBy(person, slug, action);
    }

    /** The person a command names, by @mention or email address, who must have used Ciment already. */
    private Person named(Caller caller, PersonRef ref) {
        if (ref.isEmail()) {
            return identity.named(ref.email());
        }
        ChatAccount account = mentioned(caller, ref);
        return people.find(account)
                .orElseThrow(() -> new Refusal(ref.token() + " has not used Ciment yet: they can start with help."));
    }

    /** As {@link #named}, but someone mentioned who never used Ciment is met now, through the chat tool. */
    private Person namedOrIntroduced(Caller caller, PersonRef ref) {
        if (ref.isEmail()) {
            return named(caller, ref);
        }
        ChatAccount account = mentioned(caller, ref);
        return people.find(account).orElseGet(() -> identity.enroll(account, caller.directory().introduce(account)
                .orElseThrow(() -> new Refusal(ref.token() + " has not used Ciment yet, and their chat tool does not say"
                        + " who they are: ask them to send help first."))));
    }

    private Recipient reachable(Person person, Caller caller) {
        return DirectRecipient.of(people, person, caller);
    }

    private static ChatAccount mentioned(Caller caller, PersonRef ref) {
        return caller.directory().accountOf(ref.token())
                .orElseThrow(() -> new Refusal("“" + ref.token() + "” is not a person I can find: @mention them, or give"
                        + " their email address."));
    }

}
