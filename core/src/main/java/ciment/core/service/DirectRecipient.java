package ciment.core.service;

import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Recipient;
import ciment.core.port.People;
import java.util.List;

/** Where Ciment tells a person something directly (an answer to their request, a mention). */
final class DirectRecipient {
    private DirectRecipient() {
    }

    /**
     * Where to tell someone directly: their account on the asker's chat tool if they have one, else
     * another (a Teams message then goes through the asker's Bot Connector when the asker is on Teams).
     */
    static Recipient of(People people, Person person, Caller caller) {
        List<ChatAccount> accounts = people.accounts(person);
        ChatAccount account = accounts.stream().filter(a -> a.platform() == caller.account().platform()).findFirst()
                .orElse(accounts.isEmpty() ? null : accounts.get(0));
        if (account == null) {
            return null;
        }
        String serviceUrl = caller.replyTo() != null && account.platform() == caller.account().platform()
                ? caller.replyTo().serviceUrl() : null;
        return Recipient.direct(account, serviceUrl);
    }
}
