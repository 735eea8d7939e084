package ciment.core.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CIMENT_TRUSTED_DOMAINS: which organisations are believed about an email address of which domain. Written as
 * comma-separated {@code domain=id} pairs, {@code corp.example=T0123ABCD,corp.example=7f3c…}, where the id is a
 * Slack workspace (team id) or Enterprise Grid organisation (enterprise id), or a Microsoft Entra tenant id; a
 * domain may be listed with several ids. Domains match exactly (a subdomain is another domain) and, like ids,
 * without regard to case. Unset: no address is trusted, so no two accounts are linked by one.
 *
 * @param idsByDomain lower-case domain to its lower-case organisation ids
 */
public record TrustedDomains(Map<String, Set<String>> idsByDomain) {
    public static final String SETTING = "CIMENT_TRUSTED_DOMAINS";
    public static final TrustedDomains NONE = new TrustedDomains(Map.of());

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public TrustedDomains {
        Map<String, Set<String>> copy = new HashMap<>();
        idsByDomain.forEach((domain, ids) -> copy.put(domain, Set.copyOf(ids)));
        idsByDomain = Collections.unmodifiableMap(copy);
    }

    public static TrustedDomains fromSettings(Settings settings) {
        return parse(settings.get(SETTING, ""));
    }

    /** Throws IllegalArgumentException naming the first pair that is not {@code domain=id}: a deployment mistake. */
    public static TrustedDomains parse(String listed) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (String pair : listed.split(",")) {
            String entry = pair.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            List<String> parts = List.of(entry.split("=", -1));
            if (parts.size() != 2 || !DOMAIN.matcher(parts.get(0).strip()).matches()
                    || !ID.matcher(parts.get(1).strip()).matches()) {
                throw new IllegalArgumentException(SETTING + ": “" + pair.strip() + "” is not a domain=id pair, such as"
                        + " corp.example=T0123ABCD (a Slack team or enterprise id, or a Microsoft tenant id).");
            }
            ids.computeIfAbsent(parts.get(0).strip(), domain -> new HashSet<>()).add(parts.get(1).strip());
        }
        return new TrustedDomains(ids);
    }

    /** Nothing is trusted (the setting is unset). */
    public boolean none() {
        return idsByDomain.isEmpty();
    }

    /** Whether the organisation is listed for the domain (exactly that domain). */
    public boolean trusts(String domain, String organisation) {
        return domain != null && organisation != null
                && idsByDomain.getOrDefault(domain.strip().toLowerCase(Locale.ROOT), Set.of())
                        .contains(organisation.strip().toLowerCase(Locale.ROOT));
    }

    /** The domain of an address: what follows its last {@code @}, in lower case ("" when there is none). */
    public static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
