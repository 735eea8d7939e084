package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Grant;
import ciment.core.model.PersonRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finance: what communities cost, their budgets, and the roles an admin grants. */
public final class FinanceVerbs {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** {@code costs [YYYY-MM]}: what communities cost in a month (empty: the current month, UTC). */
    public record Costs(Optional<YearMonth> month) implements Command {
    }

    /**
     * {@code budget <slug> <amount>}: a community's monthly budget, the amount as typed (empty when missing), in
     * the currency the deployment shows: the use case reads it, knowing the currency, and keeps it in dollars.
     */
    public record Budget(Slug slug, String amount) implements Command {
    }

    /** {@code grant finance|admin <person>}: an admin gives a role. */
    public record GrantRole(Grant grant, PersonRef person) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(Costs.class, "costs", "costs [YYYY-MM]", Verb.WITH_EXAMPLE,
                    words -> costs(words.rest()),
                    (a, me, c) -> a.finance().costs(me.person(), c.month())),
            Verb.typed(Budget.class, "budget", "budget <slug> <amount>", Verb.WITH_EXAMPLE,
                    words -> new Budget(words.slug(), words.rest()),
                    (a, me, c) -> a.finance().budget(me.person(), c.slug(), c.amount())),
            Verb.typed(GrantRole.class, "grant", "grant finance|admin <person>", Verb.WITH_EXAMPLE,
                    words -> grant(words.next(), words.rest()),
                    (a, me, c) -> a.finance().grant(me.person(), me.caller(), c.grant(), c.person())));

    private FinanceVerbs() {
    }

    static Command costs(String rest) {
        if (rest.isEmpty()) {
            return new Costs(Optional.empty());
        }
        return new Costs(Optional.of(month(rest)));
    }

    /** A month as YYYY-MM (2026-11); anything else is refused with the form. */
    public static YearMonth month(String text) {
        var matcher = MONTH.matcher(text.strip());
        boolean matches = matcher.matches();
        int month = matches ? Integer.parseInt(matcher.group(2)) : 0;
        if (!matches || month < 1 || month > 12 || Integer.parseInt(matcher.group(1)) < 2000) {
            throw new Refusal(Message.of("core.costs.badMonth"));
        }
        return YearMonth.of(Integer.parseInt(matcher.group(1)), month);
    }

    static Command grant(String role, String person) {
        Grant grant = switch (role.toLowerCase(Locale.ROOT)) {
            case "finance" -> Grant.FINANCE;
            case "admin" -> Grant.ADMIN;
            default -> throw new Refusal(Message.of("core.grant.noRole"));
        };
        if (person.isEmpty()) {
            throw new Refusal(Message.of("core.words.noPerson", "grant " + role.toLowerCase(Locale.ROOT) + " <person>"));
        }
        return new GrantRole(grant, new PersonRef(person));
    }
}
