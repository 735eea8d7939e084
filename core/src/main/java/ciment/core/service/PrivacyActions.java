package ciment.core.service;

import ciment.core.i18n.Listing;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Recipient;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Notices;
import ciment.core.port.People;
import ciment.core.port.PersonalRecords;
import ciment.core.port.PersonalRecords.Erased;
import ciment.core.privacy.PersonalData;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's own data: export-my-data sends them a file of it, erase-my-data deletes it after they
 * confirm. A last steward is refused until they hand over: a community always keeps a steward.
 */
public record PrivacyActions(Communities communities, People people, PersonalRecords records, Notices notices,
        ReadingLanguage reading, Clock clock) {
    static final Message FILE_ON_ITS_WAY = Message.of("core.export.done");

    /**
     * The file is made and sent by the delivery function of the caller's tool, in their direct messages
     * with the app: a file is not something to show in a channel, and a slash command cannot answer
     * with one. It is said in the language the caller reads now (they just asked: their request's locale counts).
     */
    public Reply export(Person person, Caller caller) {
        String serviceUrl = caller.replyTo() == null ? null : caller.replyTo().serviceUrl();
        notices.send(Notice.told(Ulid.random(clock.instant()), Recipient.direct(caller.account(), serviceUrl),
                reading.of(caller, Optional.of(person)), Message.of("delivery.export.file"), clock.instant())
                .carryingDataOf(person.id()));
        return new Reply.Done(FILE_ON_ITS_WAY);
    }

    /** The file's content for the person behind the account, collected now; empty when nothing is held. */
    public Optional<PersonalData> dataOf(ChatAccount account) {
        return people.find(account).flatMap(person -> records.personalData(person.id()));
    }

    /** Without confirm: what would be deleted, and how to go ahead. With it: the erasure. */
    public Reply erase(Person person, boolean confirm) {
        List<Slug> lastStewardOf = lastStewardOf(person);
        if (!lastStewardOf.isEmpty()) {
            throw new Refusal(lastSteward(lastStewardOf));
        }
        if (!confirm) {
            return new Reply.Done(whatGoes(person));
        }
        return erased(records.erase(person), false);
    }

    /**
     * A person whose erasure was interrupted: their request finishes it. Empty when it cannot finish (they
     * became a last steward meanwhile): their request then runs, so that they can hand over.
     */
    public Optional<Reply> finish(Person person) {
        Erased outcome = records.erase(person);
        return outcome.done() ? Optional.of(erased(outcome, true)) : Optional.empty();
    }

    private static Reply erased(Erased outcome, boolean resumed) {
        if (!outcome.done()) {
            return new Reply.Refused(lastSteward(outcome.lastStewardOf()));
        }
        return new Reply.Done(Message.of(resumed ? "core.erase.resumed" : "core.erase.done"));
    }

    private List<Slug> lastStewardOf(Person person) {
        List<Slug> last = new ArrayList<>();
        for (Membership membership : communities.membershipsOf(person.id())) {
            if (membership.isSteward() && communities.find(membership.slug())
                    .filter(c -> c.id().equals(membership.communityId()))
                    .map(c -> c.stewardCount() <= 1).orElse(false)) {
                last.add(membership.slug());
            }
        }
        return last.stream().sorted().toList();
    }

    private static Message lastSteward(List<Slug> slugs) {
        String names = slugs.stream().map(Slug::value).collect(Collectors.joining(", "));
        return Message.of("core.erase.lastSteward", names, slugs.get(0));
    }

    /** Says what goes, without counting anything the person did. */
    private Message whatGoes(Person person) {
        Profile profile = people.profile(person);
        List<Message> parts = new ArrayList<>();
        parts.add(Message.of("core.erase.part.profile", Message.verbatim(person.displayName()
                + profile.email().map(e -> ", " + e).orElse(""))));
        List<String> declared = new ArrayList<>(profile.roles());
        declared.addAll(profile.skills());
        if (!declared.isEmpty()) {
            parts.add(Message.of("core.erase.part.declared", Message.verbatim(String.join(", ", declared))));
        }
        List<String> slugs = communities.membershipsOf(person.id()).stream().map(m -> m.slug().value()).sorted().toList();
        if (!slugs.isEmpty()) {
            parts.add(Message.of("core.erase.part.places", String.join(", ", slugs)));
        }
        parts.add(Message.of("core.erase.part.posts"));
        parts.add(Message.of("core.erase.part.reactions"));
        parts.add(Message.of("core.erase.part.requests"));
        List<String> accounts = people.accounts(person).stream().map(PrivacyActions::accountName).distinct().toList();
        if (!accounts.isEmpty()) {
            parts.add(Message.of("core.erase.part.links", accounts.size(), Message.verbatim(String.join(" and ", accounts))));
        }
        return Message.of("core.erase.whatGoes", Listing.semicolons(parts));
    }

    private static String accountName(ChatAccount account) {
        String platform = account.platform().key();
        return platform.substring(0, 1).toUpperCase(Locale.ROOT) + platform.substring(1);
    }
}
