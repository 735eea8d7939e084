package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Grant;
import ciment.core.model.PersonRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinanceVerbsTest {

    @Test
    void costs_alone_isThisMonth_andWithAMonth_isThatMonth() {
        assertEquals(new FinanceVerbs.Costs(Optional.empty()), Verbs.parse("costs"));
        assertEquals(new FinanceVerbs.Costs(Optional.of(YearMonth.of(2026, 11))), Verbs.parse("costs 2026-11"));
    }

    @Test
    void costs_withABadMonth_isRefused_withTheForm() {
        for (String month : new String[] {"2026-13", "2026-00", "11-2026", "2026-1", "november", "2026-11 extra"}) {
            Refusal refusal = assertThrows(Refusal.class, () -> Verbs.parse("costs " + month), month);
            assertTrue(refusal.sentence().startsWith("Say the month as YYYY-MM"), refusal.sentence());
        }
    }

    @Test
    void budget_readsDollars_withCents_aDollarSign_orThousands() {
        assertEquals(new FinanceVerbs.Budget(Slug.parse("data-guild"), new BigDecimal("25.00")),
                Verbs.parse("budget data-guild 25"));
        assertEquals(new BigDecimal("12.50"), ((FinanceVerbs.Budget) Verbs.parse("budget data-guild 12.5")).dollars());
        assertEquals(new BigDecimal("12.50"), ((FinanceVerbs.Budget) Verbs.parse("budget data-guild $12.50")).dollars());
        assertEquals(new BigDecimal("1000.00"), ((FinanceVerbs.Budget) Verbs.parse("budget data-guild 1,000")).dollars());
    }

    @Test
    void budget_zeroNegativeTooLargeOrNotANumber_isRefused() {
        for (String amount : new String[] {"0", "0.00", "-1", "1000000.01", "12.345", "ten", "1e3", "25 dollars"}) {
            assertThrows(Refusal.class, () -> Verbs.parse("budget data-guild " + amount), amount);
        }
        Refusal missing = assertThrows(Refusal.class, () -> Verbs.parse("budget data-guild"));
        assertTrue(missing.sentence().startsWith("Say the monthly budget in dollars"), missing.sentence());
        assertThrows(Refusal.class, () -> Verbs.parse("budget"));
    }

    @Test
    void grant_readsTheRoleAndThePerson() {
        assertEquals(new FinanceVerbs.GrantRole(Grant.FINANCE, new PersonRef("@ada")), Verbs.parse("grant finance @ada"));
        assertEquals(new FinanceVerbs.GrantRole(Grant.ADMIN, new PersonRef("ada@example.com")),
                Verbs.parse("grant ADMIN ada@example.com"));
        assertThrows(Refusal.class, () -> Verbs.parse("grant steward @ada"));
        assertThrows(Refusal.class, () -> Verbs.parse("grant finance"));
    }

    @Test
    void help_listsTheFinanceCommands() {
        assertTrue(Grammar.AVAILABLE.stream().anyMatch(u -> u.form().startsWith("costs")));
        assertTrue(Grammar.AVAILABLE.stream().anyMatch(u -> u.form().startsWith("budget")));
        assertTrue(Grammar.AVAILABLE.stream().anyMatch(u -> u.form().startsWith("grant")));
    }
}
