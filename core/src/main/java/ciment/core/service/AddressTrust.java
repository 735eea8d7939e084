package ciment.core.service;

import ciment.core.i18n.Message;
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
record AddressTrust(People people, TrustedDomains trusted) {
    static final Message GUEST = Message.of("core.unlinked.guest");
    static final Message NOTHING_TRUSTED = Message.of("core.unlinked.nothingTrusted");

    /** What an introduction's address is worth: vouched for, or why it links nothing (one sentence, for whoami). */
    sealed interface Verdict permits Vouched, Unlinked {
    }

    record Vouched(VouchedAddress address) implements Verdict {
    }

    record Unlinked(Message why) implements Verdict {
    }

    Verdict of(ChatAccount account, Introduction introduction) {
        if (introduction.email().isEmpty()) {
            return new Unlinked(Message.of("core.unlinked.noEmail", account.platform().label()));
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
                .orElseGet(() -> new Unlinked(Message.of("core.unlinked.untrusted", domain,
                        organisationOf(account, introduction))));
    }

    /** The sentence for an address held by someone Ciment no longer believes about it. */
    static Message heldElsewhere(String email) {
        return Message.of("core.unlinked.heldElsewhere", Message.verbatim(email));
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
        return holder(email).orElseThrow(() -> new Refusal(Message.of("core.person.noAddress", Message.verbatim(email))));
    }

    /** The person's address, when it is vouched for by an organisation still trusted for it: it names roles. */
    Optional<String> roleAddress(Profile profile) {
        return profile.vouchedAddress().filter(this::stillVouched).map(VouchedAddress::email);
    }

    private boolean stillVouched(VouchedAddress address) {
        return trusted.trusts(TrustedDomains.domainOf(address.email()), address.organisation());
    }

    private static Message organisationOf(ChatAccount account, Introduction introduction) {
        String ids = String.join(" / ", introduction.organisations());
        String kind = account.platform() == Platform.SLACK ? "core.unlinked.workspace" : "core.unlinked.tenant";
        return ids.isEmpty() ? Message.of(kind + ".unnamed", account.platform().label())
                : Message.of(kind, Message.verbatim(ids));
    }
}
