package ciment.infra;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.port.People;
import ciment.infra.Table.Outcome;
import java.util.List;
import java.util.Optional;

/** People and the chat accounts that lead to them. */
final class DynamoPeople implements People {
    static final String FIND = "people.find";
    static final String REGISTER = "people.register";

    private final Table table;

    DynamoPeople(Table table) {
        this.table = table;
    }

    /** One read: the identity link holds the person's id and name. */
    @Override
    public Optional<Person> find(ChatAccount account) {
        return table.get(FIND, Keys.identityLink(account), false).map(Items::personOfIdentity);
    }

    /**
     * Writes the identity link and the profile together. When another request linked the account
     * first, its person is read back and returned, so both requests act as the same person.
     */
    @Override
    public Person register(ChatAccount account, Person person) {
        Outcome outcome = table.transact(REGISTER, List.of(
                Write.putNew(table.name(), Items.identity(account, person)),
                Write.putNew(table.name(), Items.profile(person))));
        if (outcome.committed()) {
            return person;
        }
        if (outcome.conditionFailed(0)) {
            return table.get(REGISTER, Keys.identityLink(account), true).map(Items::personOfIdentity)
                    .orElseThrow(() -> new IllegalStateException("identity link of " + account + " vanished"));
        }
        throw new IllegalStateException("person " + person.id() + " was not registered: " + outcome.reasons());
    }
}
