package ciment.teams;

import ciment.core.config.Settings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Azure AD tenants whose activities the bot serves (CIMENT_TEAMS_ALLOWED_TENANTS, comma-separated;
 * {@code *}, unset or empty: any). A multi-tenant bot registration lets any organisation add the app:
 * this list keeps Ciment's table to the organisations that deployed it.
 */
public final class AllowedTenants {
    public static final String SETTING = "CIMENT_TEAMS_ALLOWED_TENANTS";
    /** The HTTP body of a refusal: the tenant is not ours, so nothing is said in its conversation. */
    static final String REFUSED = "This Ciment installation does not serve your organisation's Microsoft Teams tenant.";

    /** Empty: any tenant. Tenant ids are GUIDs, compared in lower case. */
    private final Set<String> tenants;

    private AllowedTenants(Set<String> tenants) {
        this.tenants = tenants;
    }

    public static AllowedTenants any() {
        return new AllowedTenants(Set.of());
    }

    public static AllowedTenants fromSettings(Settings settings) {
        return parse(settings.get(SETTING, ""));
    }

    static AllowedTenants parse(String list) {
        Set<String> tenants = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(tenant -> !tenant.isEmpty())
                .map(tenant -> tenant.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new AllowedTenants(tenants.contains("*") ? Set.of() : tenants);
    }

    /** Whether an activity of this tenant is served (an activity naming no tenant, only when any is). */
    public boolean allows(String tenant) {
        return tenants.isEmpty() || tenant != null && tenants.contains(tenant.toLowerCase(Locale.ROOT));
    }

    public boolean allowsAny() {
        return tenants.isEmpty();
    }
}
