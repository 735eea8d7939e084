package ciment.core.command;

import ciment.core.Refusal;
import ciment.core.model.Grant;
import ciment.core.model.Slug;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the finance commands' words: a month, an amount of dollars, a role. */
public final class FinanceWords {
    /** A budget above this is a typing slip rather than a community's month of AWS usage. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    /** 25, 12.5, 12.50, $25, 1,000 or 1,000.00: dollars, at most two digits of cents. */
    private static final Pattern AMOUNT = Pattern.compile("\\$?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private FinanceWords() {
    }

    static Command costs(String rest) {
        if (rest.isEmpty()) {
            return new Command.Costs(Optional.empty());
        }
        return new Command.Costs(Optional.of(month(rest)));
    }

    /** A month as YYYY-MM (2026-11); anything else is refused with the form. */
    public static YearMonth month(String text) {
        var matcher = MONTH.matcher(text.strip());
        boolean matches = matcher.matches();
        int month = matches ? Integer.parseInt(matcher.group(2)) : 0;
        if (!matches || month < 1 || month > 12 || Integer.parseInt(matcher.group(1)) < 2000) {
            throw new Refusal("Say the month as YYYY-MM, for example “costs 2026-11”, or send costs alone for this"
                    + " month.");
        }
        return YearMonth.of(Integer.parseInt(matcher.group(1)), month);
    }

    static Command budget(Slug slug, String amount) {
        String example = "budget " + slug + " 25";
        if (amount.isEmpty()) {
            throw new Refusal("Say the monthly budget in dollars: budget " + slug + " <amount>, for example “" + example
                    + "”.");
        }
        if (!AMOUNT.matcher(amount).matches()) {
            throw new Refusal("“" + amount + "” is not an amount of dollars: write it like 25 or 12.50, for example “"
                    + example + "”.");
        }
        BigDecimal dollars = new BigDecimal(amount.replace("$", "").replace(",", ""));
        if (dollars.signum() <= 0) {
            throw new Refusal("A budget is more than $0: write it like 25 or 12.50, for example “" + example + "”.");
        }
        if (dollars.compareTo(MAX_BUDGET) > 0) {
            throw new Refusal("A monthly budget is at most $1,000,000: check the amount, for example “" + example
                    + "”.");
        }
        return new Command.Budget(slug, dollars.setScale(2));
    }

    static Command grant(String role, String person) {
        Grant grant = switch (role.toLowerCase(Locale.ROOT)) {
            case "finance" -> Grant.FINANCE;
            case "admin" -> Grant.ADMIN;
            default -> throw new Refusal("Say grant finance <person> or grant admin <person>, for example “grant"
                    + " finance @ada”.");
        };
        if (person.isEmpty()) {
            throw new Refusal("Name the person: grant " + role.toLowerCase(Locale.ROOT)
                    + " <person>, with an @mention or an email address.");
        }
        return new Command.GrantRole(grant, new PersonRef(person));
    }
}
