package ciment.teams.auth;

import ciment.core.config.AllowList;
import ciment.core.config.Settings;

/**
 * The Azure AD tenants whose activities the bot serves and whose conversations it delivers into
 * (CIMENT_TEAMS_ALLOWED_TENANTS, comma-separated; {@code *} for any; required: a function refuses to start
 * without it). A multi-tenant bot registration lets any organisation add the app: this list keeps Ciment's table
 * to the organisations that deployed it.
 */
public final class AllowedTenants {
    public static final String SETTING = "CIMENT_TEAMS_ALLOWED_TENANTS";
    /** The HTTP body of a refusal: the tenant is not ours, so nothing is said in its conversation. */
    public static final String REFUSED = "This Ciment installation does not serve your organisation's Microsoft Teams tenant.";

    private final AllowList tenants;

    private AllowedTenants(AllowList tenants) {
        this.tenants = tenants;
    }

    public static AllowedTenants any() {
        return parse(AllowList.ANY);
    }

    public static AllowedTenants fromSettings(Settings settings) {
        return new AllowedTenants(AllowList.required(settings, SETTING));
    }

    static AllowedTenants parse(String list) {
        return new AllowedTenants(AllowList.parse(list));
    }

    /** Whether an activity of this tenant is served (an activity naming no tenant, only when any is). */
    public boolean allows(String tenant) {
        return tenants.allows(tenant);
    }

    public boolean allowsAny() {
        return tenants.allowsAny();
    }
}
