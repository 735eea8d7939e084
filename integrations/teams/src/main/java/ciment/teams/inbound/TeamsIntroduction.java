package ciment.teams.inbound;

import ciment.core.model.Introduction;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Teams says about a person, as Ciment's {@link Introduction}: the name, the email address from the
 * Bot Connector's member lookup (which links their Slack and Teams accounts when their tenant is trusted for
 * it), whether they are a guest, and their tenant.
 *
 * @param homeTenant the bot's own organisation (MICROSOFT_APP_TENANT_ID), when it is set: anyone from
 *                   another tenant takes part as a guest
 */
public record TeamsIntroduction(Optional<String> homeTenant) {
    /** A mailbox address: something@domain.tld, without spaces. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    public TeamsIntroduction {
        homeTenant = homeTenant.filter(tenant -> !tenant.isBlank()).map(String::strip);
    }

    /**
     * From the member lookup of the person.
     *
     * @param name               the name Teams shows (an activity's sender name), or null for the member's own
     * @param conversationTenant the tenant of the conversation the person spoke or was mentioned in
     */
    Introduction of(String name, TeamsChannelAccount member, String conversationTenant) {
        String shown = name == null || name.isBlank() ? member.getName() : name;
        return new Introduction(shown, emailOf(member), isGuest(member, conversationTenant),
                organisationOf(member, conversationTenant));
    }

    /**
     * The tenant the member belongs to, as the member lookup says, else the conversation's (the Emulator's
     * conversations have none). A member of another tenant than the conversation's is a guest anyway.
     */
    private static List<String> organisationOf(TeamsChannelAccount member, String conversationTenant) {
        String tenant = strip(member.getTenantId());
        if (tenant == null && isTenant(conversationTenant)) {
            tenant = conversationTenant.strip();
        }
        return tenant == null ? List.of() : List.of(tenant);
    }

    /**
     * When the Bot Connector could not say (no member API, as in the Bot Framework Emulator, or a failed
     * lookup): the name only, so the account stays unlinked. Only a conversation of another organisation
     * than the bot's own still makes a guest, as that needs no lookup.
     */
    Introduction withoutLookup(String name, String conversationTenant) {
        return new Introduction(name, Optional.empty(), otherOrganisation(conversationTenant));
    }

    /** The address Teams gives, or the user principal name when it is a mailbox address (not a guest's #EXT# form). */
    static Optional<String> emailOf(TeamsChannelAccount member) {
        return address(member.getEmail()).or(() -> address(member.getUserPrincipalName()));
    }

    /**
     * A Teams guest (role "guest"), someone of another tenant than the conversation's (external access),
     * or, when the bot has a home tenant, anyone whose account or conversation is of another one.
     */
    boolean isGuest(TeamsChannelAccount member, String conversationTenant) {
        if ("guest".equalsIgnoreCase(strip(member.getUserRole()))) {
            return true;
        }
        String memberTenant = strip(member.getTenantId());
        if (memberTenant != null && isTenant(conversationTenant) && !memberTenant.equalsIgnoreCase(conversationTenant)) {
            return true;
        }
        boolean memberElsewhere = memberTenant != null && homeTenant.isPresent()
                && !memberTenant.equalsIgnoreCase(homeTenant.get());
        return memberElsewhere || otherOrganisation(conversationTenant);
    }

    private boolean otherOrganisation(String conversationTenant) {
        return homeTenant.isPresent() && isTenant(conversationTenant)
                && !conversationTenant.equalsIgnoreCase(homeTenant.get());
    }

    /** The Bot Framework Emulator's conversations have no tenant: they are nobody's organisation. */
    private static boolean isTenant(String tenant) {
        return tenant != null && !tenant.isBlank() && !tenant.equals(CimentBot.NO_TENANT);
    }

    private static Optional<String> address(String value) {
        String candidate = strip(value);
        if (candidate == null || candidate.toUpperCase(java.util.Locale.ROOT).contains("#EXT#")
                || !ADDRESS.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
