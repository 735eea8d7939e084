package ciment.core.service;

import ciment.core.config.TrustedDomains;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Refusal;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import ciment.core.port.People.Holder;
import java.util.Optional;

/**
 * When an email address makes chat accounts one person. A directory says whatever its admins typed, and a guest
 * or another organisation's account can say {@code root@corp.example}: an address is believed only from a member
 * (not a guest) of a workspace or tenant that CIMENT_TRUSTED_DOMAINS trusts for the address's domain, which then
 * vouches for it. Only a vouched address links accounts, finds a person (approve, invite, grant and mentions by
 * address) and names roles (CIMENT_ADMIN_EMAILS, CIMENT_FINANCE_EMAILS), and only while that organisation is
 * still trusted for the domain.
 */
final class AddressTrust {
    static final String GUEST = "This account stays separate from your other accounts: it takes part as a guest, and"
            + " a guest is never linked to anyone by an email address.";
    static final String NOTHING_TRUSTED = "This account stays separate from your other accounts: this deployment of"
            + " Ciment trusts no email domain for linking accounts (CIMENT_TRUSTED_DOMAINS is not set).";

    private final People people;
    private final TrustedDomains trusted;

    AddressTrust(People people, TrustedDomains trusted) {
        this.people = people;
        this.trusted = trusted;
    }

    /** What an introduction's address is worth: vouched for, or why it links nothing (one sentence, for whoami). */
    sealed interface Verdict permits Vouched, Unlinked {
    }

    record Vouched(VouchedAddress address) implements Verdict {
    }

    record Unlinked(String why) implements Verdict {
    }

    Verdict of(ChatAccount account, Introduction introduction) {
        if (introduction.email().isEmpty()) {
            return new Unlinked("This account stays separate from your other accounts: "
                    + account.platform().label() + " did not give Ciment its email address.");
        }
        if (introduction.guest()) {
            return new Unlinked(GUEST);
        }
        if (trusted.none()) {
            return new Unlinked(NOTHING_TRUSTED);
        }
        String email = introduction.email().get();
        String domain = TrustedDomains.domainOf(email);
        return introduction.organisations().stream().filter(organisation -> trusted.trusts(domain, organisation))
                .findFirst().<Verdict>map(organisation -> new Vouched(new VouchedAddress(email, organisation)))
                .orElseGet(() -> new Unlinked("This account stays separate from your other accounts: addresses at "
                        + domain + " link only accounts of the workspaces and tenants CIMENT_TRUSTED_DOMAINS trusts for "
                        + domain + ", and " + organisationOf(account, introduction) + " is not one of them."));
    }

    /** The sentence for an address held by someone Ciment no longer believes about it. */
    static String heldElsewhere(String email) {
        return "This account stays separate from your other accounts: " + email + " is held by a person whose"
                + " workspace or tenant is not trusted for it (any more), so ask your Ciment admin.";
    }

    /** A holder that may be linked to: vouched for by an organisation still trusted for the domain, and no guest. */
    boolean believable(Holder holder) {
        return stillVouched(holder.address()) && !holder.person().guest();
    }

    /** The person an address names (approve, invite, grant, a mention by address), when it is believable. */
    Optional<Person> holder(String email) {
        return people.holderOf(email).filter(this::believable).map(Holder::person);
    }

    /** As {@link #holder}, or a refusal saying the address names nobody. */
    Person named(String email) {
        return holder(email).orElseThrow(() -> new Refusal("Nobody with the address " + email + " is known to Ciment"
                + " (an address names only people of a workspace or tenant trusted for it): @mention them, or they can"
                + " start with help."));
    }

    /** The person's address, when it is vouched for by an organisation still trusted for it: it names roles. */
    Optional<String> roleAddress(Profile profile) {
        return profile.vouchedAddress().filter(this::stillVouched).map(VouchedAddress::email);
    }

    private boolean stillVouched(VouchedAddress address) {
        return trusted.trusts(TrustedDomains.domainOf(address.email()), address.organisation());
    }

    private static String organisationOf(ChatAccount account, Introduction introduction) {
        String ids = String.join(" / ", introduction.organisations());
        String kind = account.platform() == Platform.SLACK ? "this account's Slack workspace" : "this account's tenant";
        return ids.isEmpty() ? kind + " (" + account.platform().label() + " did not name it)" : kind + " " + ids;
    }
}
