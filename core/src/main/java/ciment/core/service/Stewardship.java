package ciment.core.service;

import ciment.core.i18n.Message;
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
public record Stewardship(Communities communities, People people, Notices notices, Addressees addressees,
        CommunityActions communityActions, Identity identity, Clock clock) {
    public Reply setOpen(Person steward, Slug slug, boolean open) {
        Community community = CommunityActions.writable(stewarded(steward, slug, open ? "core.action.open" : "core.action.close"));
        if (community.open() == open) {
            return new Reply.Refused(Message.of(open ? "core.open.already" : "core.close.already", slug));
        }
        communities.change(community.id(), new Communities.Change.Openness(open));
        return new Reply.Done(Message.of(open ? "core.open.done" : "core.close.done", slug));
    }

    public Reply requests(Person steward, Slug slug) {
        Community community = stewarded(steward, slug, "core.action.requests");
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
        Community community = stewarded(steward, slug, "core.action.members");
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
                .orElseThrow(() -> new Refusal(Message.of("core.decide.noRequestById", slug))));
    }

    private Reply decide(Person steward, Slug slug, boolean approve, Supplier<Person> requester) {
        Community community = stewarded(steward, slug, approve ? "core.action.approve" : "core.action.decline");
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
                tell(person, pending.get().replyTo(), Welcomes.greeted(Message.of("delivery.join.approved", slug,
                        Message.verbatim(steward.displayName())), community));
                yield new Reply.Done(Message.of("core.decide.approved", Message.verbatim(person.displayName()), slug));
            }
            case DECLINED -> {
                tell(person, pending.get().replyTo(), Message.of("delivery.join.declined", slug,
                        Message.verbatim(steward.displayName())));
                yield new Reply.Done(Message.of("core.decide.declined", Message.verbatim(person.displayName()), slug));
            }
            case NO_REQUEST -> new Reply.Refused(noRequest(person, slug));
        };
    }

    private static Message noRequest(Person person, Slug slug) {
        return Message.of("core.decide.noRequest", Message.verbatim(person.displayName()), slug);
    }

    /** A notice for later delivery where the person asked, when there is a way to reach them, in their language. */
    private void tell(Person person, Recipient to, Message text) {
        if (to != null) {
            tell(Optional.of(addressees.at(person, to)), text);
        }
    }

    private void tell(Optional<Addressees.Addressee> to, Message text) {
        to.ifPresent(addressee -> notices.send(Notice.told(Ulid.random(clock.instant()), addressee.to(),
                addressee.words(), text, clock.instant())));
    }

    public Reply steward(Person steward, Caller caller, Slug slug, PersonRef ref, boolean add) {
        Community community = CommunityActions.writable(stewarded(steward, slug,
                add ? "core.action.addStewards" : "core.action.removeStewards"));
        Person person = named(caller, ref);
        String name = person.displayName();
        if (add && person.guest()) {
            return new Reply.Refused(Message.of("core.steward.guest", Message.verbatim(name)));
        }
        if (add && community.stewardCount() >= Community.MAX_STEWARDS) {
            return new Reply.Refused(Message.of("core.steward.full", slug, community.stewardCount()));
        }
        return switch (communities.setRole(community.id(), person.id(), add ? Role.STEWARD : Role.MEMBER)) {
            case CHANGED -> new Reply.Done(Message.of(add ? "core.steward.added" : "core.steward.removed", Message.verbatim(name), slug));
            case ALREADY -> new Reply.Refused(Message.of(add ? "core.steward.already" : "core.steward.not", Message.verbatim(name), slug));
            case NOT_MEMBER -> new Reply.Refused(Message.of("core.steward.notMember", Message.verbatim(name), slug));
            case LAST_STEWARD -> new Reply.Refused(Message.of("core.steward.last", Message.verbatim(name), slug));
        };
    }

    public Reply invite(Person steward, Caller caller, Slug slug, PersonRef ref) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "core.action.invite"));
        Person person = namedOrIntroduced(caller, ref);
        Invitation invitation = new Invitation(community.id(), slug, person.id(), steward.id(), clock.instant());
        return switch (communities.invite(invitation)) {
            case INVITED -> {
                tell(addressees.direct(person, caller), Welcomes.greeted(Message.of("delivery.invited",
                        Message.verbatim(steward.displayName()), slug, Message.verbatim(community.purpose())), community));
                yield new Reply.Done(Message.of(community.open() && !person.guest() ? "core.invite.done" : "core.invite.doneNoWait",
                        Message.verbatim(person.displayName()), slug));
            }
            case ALREADY_INVITED -> new Reply.Refused(Message.of("core.invite.already", Message.verbatim(person.displayName()), slug));
            case ALREADY_MEMBER -> new Reply.Refused(Message.of("core.invite.member", Message.verbatim(person.displayName()), slug));
        };
    }

    public Reply tags(Person steward, Slug slug, List<Topic> tags) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "core.action.tag"));
        List<String> keys = tags.stream().map(Topic::key).toList();
        communities.change(community.id(), new Communities.Change.Tags(keys));
        return new Reply.Done(Message.of("core.tags.done", slug, Message.verbatim(String.join(", ", keys))));
    }

    public Reply purpose(Person steward, Slug slug, String purpose) {
        Community community = CommunityActions.writable(stewarded(steward, slug, "core.action.purpose"));
        communities.change(community.id(), new Communities.Change.Purpose(purpose));
        return new Reply.Done(Message.of("core.purpose.done", slug, Message.verbatim(purpose)));
    }

    public Reply setArchived(Person steward, Slug slug, boolean archived) {
        Community community = stewarded(steward, slug, archived ? "core.action.archive" : "core.action.restore");
        if (community.archived() == archived) {
            return new Reply.Refused(Message.of(archived ? "core.archive.already" : "core.restore.notArchived", slug));
        }
        communities.change(community.id(), new Communities.Change.Archival(archived));
        return new Reply.Done(Message.of(archived ? "core.archive.done" : "core.restore.done", slug));
    }

    /** The community, when the person is one of its stewards; a refusal naming the action (its key) otherwise. */
    private Community stewarded(Person person, Slug slug, String action) {
        return communityActions.stewardedBy(person, slug, Message.of(action));
    }

    /** The person a command names, by @mention or email address, who must have used Ciment already. */
    private Person named(Caller caller, PersonRef ref) {
        if (ref.isEmail()) {
            return identity.named(ref.email());
        }
        ChatAccount account = mentioned(caller, ref);
        return people.find(account)
                .orElseThrow(() -> new Refusal(Message.of("core.person.newcomer", Message.verbatim(ref.token()))));
    }

    /** As {@link #named}, but someone mentioned who never used Ciment is met now, through the chat tool. */
    private Person namedOrIntroduced(Caller caller, PersonRef ref) {
        if (ref.isEmail()) {
            return named(caller, ref);
        }
        ChatAccount account = mentioned(caller, ref);
        return people.find(account).orElseGet(() -> identity.enroll(account, caller.directory().introduce(account)
                .orElseThrow(() -> new Refusal(Message.of("core.person.unknowable", Message.verbatim(ref.token()))))));
    }

    private static ChatAccount mentioned(Caller caller, PersonRef ref) {
        return caller.directory().accountOf(ref.token())
                .orElseThrow(() -> new Refusal(Message.of("core.person.notFound", Message.verbatim(ref.token()))));
    }

}
