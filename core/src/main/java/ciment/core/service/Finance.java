package ciment.core.service;

import ciment.core.config.Settings;
import ciment.core.config.TrustedDomains;
import ciment.core.cost.PriceTable;
import ciment.core.cost.ShownCurrency;
import ciment.core.port.Usage;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the finance commands need beyond the store: the metered usage (absent where nothing is metered), the
 * price table of a month, the people named at deployment (with the domains whose addresses are believed), and
 * Ciment's public address for links to the chart
 * and the CSV (CIMENT_PUBLIC_URL; no links when unset), and the currency amounts are shown and budgets typed in
 * (CIMENT_CURRENCY, CIMENT_USD_RATE; dollars when unset).
 */
public record Finance(Optional<Usage> usage, Function<YearMonth, PriceTable> prices, Roles.Named named,
        Optional<String> publicUrl, ShownCurrency currency) {
    public static final String PUBLIC_URL = "CIMENT_PUBLIC_URL";

    /** Nothing metered, nobody named: costs and budget say so, grant is for admins granted in the table. */
    public static Finance off() {
        return new Finance(Optional.empty(), month -> PriceTable.select(PriceTable.DEFAULT_REGION,
                PriceTable.DEFAULT_ARCHITECTURE, month), Roles.Named.NONE, Optional.empty(), ShownCurrency.DOLLARS);
    }

    /** The same, believing addresses of these domains from these organisations (CIMENT_TRUSTED_DOMAINS). */
    public Finance trusting(TrustedDomains trusted) {
        return new Finance(usage, prices, new Roles.Named(named.admins(), named.finance(), trusted), publicUrl,
                currency);
    }

    public static Finance fromSettings(Settings settings, Usage usage) {
        return new Finance(Optional.of(usage), month -> PriceTable.fromSettings(settings, month),
                Roles.Named.fromSettings(settings),
                settings.get(PUBLIC_URL).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                ShownCurrency.fromSettings(settings));
    }
}
