package ciment.core.testing;

import static ciment.core.testing.InMemoryTable.key;

import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Role;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People, their accounts, vouched addresses, declared roles and skills, and merges, in memory. */
final class InMemoryPeople implements People {
    private final InMemoryTable table;

    InMemoryPeople(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public Optional<Person> find(ChatAccount account) {
        synchronized (table) {
            return Optional.ofNullable(table.people.get(account));
        }
    }

    @Override
    public Person enroll(ChatAccount account, Person fresh, Optional<VouchedAddress> address) {
        synchronized (table) {
            Person existing = table.people.get(account);
            if (existing != null) {
                return existing;
            }
            Person person = address.flatMap(vouched -> holderOf(vouched.email())).map(Holder::person).orElse(fresh);
            table.people.put(account, person);
            if (person == fresh) {
                address.ifPresent(vouched -> vouch(vouched, fresh.id()));
            }
            table.writes++;
            return person;
        }
    }

    @Override
    public Person link(ChatAccount account, Person person) {
        synchronized (table) {
            Person existing = table.people.putIfAbsent(account, person);
            table.writes++;
            return existing == null ? person : existing;
        }
    }

    @Override
    public Optional<Holder> holderOf(String email) {
        synchronized (table) {
            String organisation = table.vouchers.get(email);
            return organisation == null ? Optional.empty()
                    : Optional.ofNullable(table.emails.get(email)).flatMap(table::byPersonId)
                            .map(person -> new Holder(person, new VouchedAddress(email, organisation)));
        }
    }

    @Override
    public EmailClaim claimEmail(Person person, VouchedAddress address) {
        synchronized (table) {
            String owner = table.vouchers.containsKey(address.email()) ? table.emails.get(address.email()) : null;
            if (owner != null) {
                return owner.equals(person.id()) ? EmailClaim.ALREADY_THEIRS : EmailClaim.TAKEN;
            }
            if (table.emails.entrySet().stream()
                    .anyMatch(e -> e.getValue().equals(person.id()) && table.vouchers.containsKey(e.getKey()))) {
                return EmailClaim.HAS_ANOTHER;
            }
            vouch(address, person.id());
            table.writes++;
            return EmailClaim.CLAIMED;
        }
    }

    private void vouch(VouchedAddress address, String personId) {
        table.emails.put(address.email(), personId);
        table.vouchers.put(address.email(), address.organisation());
    }

    /** An address claimed before addresses were vouched for (by an account of any organisation, a guest's too). */
    void claimUnvouched(Person person, String email) {
        synchronized (table) {
            table.emails.put(email, person.id());
            table.vouchers.remove(email);
        }
    }

    @Override
    public void merge(Person from, Person into) {
        synchronized (table) {
            // A guest's account stays a guest's, and every account of a guest is one.
            table.people.replaceAll((account, person) -> person.id().equals(from.id())
                    ? new Person(into.id(), into.displayName(), into.guest() || person.guest(), into.erasing()) : person);
            mergeMemberships(from, into);
            for (JoinRequest r : List.copyOf(table.requests.values())) {
                if (r.personId().equals(from.id())) {
                    table.requests.remove(key(r.communityId(), from.id()));
                    if (!table.memberships.containsKey(key(r.communityId(), into.id()))) {
                        table.requests.putIfAbsent(key(r.communityId(), into.id()),
                                new JoinRequest(r.communityId(), r.slug(), into.id(), into.displayName(), r.at()));
                    }
                }
            }
            for (Invitation i : List.copyOf(table.invitations.values())) {
                if (i.personId().equals(from.id())) {
                    table.invitations.remove(key(i.communityId(), from.id()));
                    if (!table.memberships.containsKey(key(i.communityId(), into.id()))) {
                        table.invitations.putIfAbsent(key(i.communityId(), into.id()),
                                new Invitation(i.communityId(), i.slug(), into.id(), i.invitedBy(), i.at()));
                    }
                }
            }
            Map<String, Topic> theirs = table.declared.remove(from.id());
            if (theirs != null) {
                theirs.forEach((kindAndKey, topic) -> table.declared.computeIfAbsent(into.id(), id -> new LinkedHashMap<>())
                        .putIfAbsent(kindAndKey, topic));
            }
            table.mergedInto.put(from.id(), into.id());
            table.writes++;
        }
    }

    /** Each membership of {@code from} becomes {@code into}'s, keeping the higher role where both belonged. */
    private void mergeMemberships(Person from, Person into) {
        for (Membership m : List.copyOf(table.memberships.values())) {
            if (!m.personId().equals(from.id())) {
                continue;
            }
            table.memberships.remove(key(m.communityId(), from.id()));
            Membership theirs = table.memberships.get(key(m.communityId(), into.id()));
            Community c = table.byId(m.communityId());
            if (theirs == null) {
                table.memberships.put(key(m.communityId(), into.id()),
                        new Membership(m.communityId(), m.slug(), into.id(), m.role(), m.since()));
            } else if (m.isSteward() && !theirs.isSteward()) {
                table.memberships.put(key(m.communityId(), into.id()),
                        new Membership(m.communityId(), m.slug(), into.id(), Role.STEWARD, theirs.since()));
                table.recount(c, -1, 0);
            } else {
                table.recount(c, -1, m.isSteward() ? -1 : 0);
            }
        }
    }

    @Override
    public List<Person> people(Collection<String> personIds) {
        synchronized (table) {
            return table.people.values().stream().filter(p -> personIds.contains(p.id())).distinct().toList();
        }
    }

    @Override
    public Profile profile(Person person) {
        synchronized (table) {
            Map<String, Topic> mine = table.declared.getOrDefault(person.id(), Map.of());
            Optional<String> email = table.emails.entrySet().stream().filter(e -> e.getValue().equals(person.id()))
                    .map(Map.Entry::getKey).findFirst();
            return new Profile(person, texts(mine, "ROLE"), texts(mine, "SKILL"), email,
                    email.map(table.vouchers::get));
        }
    }

    private static List<String> texts(Map<String, Topic> declared, String kind) {
        return declared.entrySet().stream().filter(e -> e.getKey().startsWith(kind)).map(e -> e.getValue().text()).toList();
    }

    @Override
    public boolean declare(Person person, Kind kind, Topic topic) {
        synchronized (table) {
            boolean added = table.declared.computeIfAbsent(person.id(), id -> new LinkedHashMap<>())
                    .putIfAbsent(kind.name() + topic.key(), topic) == null;
            table.writes += added ? 1 : 0;
            return added;
        }
    }

    @Override
    public boolean withdraw(Person person, Kind kind, Topic topic) {
        synchronized (table) {
            boolean removed = table.declared.getOrDefault(person.id(), new HashMap<>())
                    .remove(kind.name() + topic.key()) != null;
            table.writes += removed ? 1 : 0;
            return removed;
        }
    }

    @Override
    public List<Person> declaring(String topicKey) {
        synchronized (table) {
            return table.people.values().stream().distinct()
                    .filter(p -> table.declared.getOrDefault(p.id(), Map.of()).values().stream()
                            .anyMatch(t -> t.key().equals(topicKey)))
                    .toList();
        }
    }

    @Override
    public List<Linked> linked(Person person) {
        synchronized (table) {
            return table.people.entrySet().stream().filter(e -> e.getValue().id().equals(person.id()))
                    .map(e -> new Linked(e.getKey(), e.getValue().chatLanguage())).toList();
        }
    }

    @Override
    public void chooseLanguage(Person person, Optional<Language> language) {
        synchronized (table) {
            table.people.replaceAll((account, known) -> known.id().equals(person.id()) ? known.choosing(language) : known);
        }
    }

    @Override
    public void chooseNotices(Person person, NoticeLevel level) {
        synchronized (table) {
            table.people.replaceAll((account, known) -> known.id().equals(person.id()) ? known.told(level) : known);
            table.writes++;
        }
    }
}
