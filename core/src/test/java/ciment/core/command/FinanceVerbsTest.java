package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Grant;
import ciment.core.model.PersonRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
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
    void budget_keepsTheAmountAsTyped_forTheUseCase_whichKnowsTheCurrency() {
        // The amount's reading and refusals are BudgetAmountTest's: they name the currency the deployment shows.
        assertEquals(new FinanceVerbs.Budget(Slug.parse("data-guild"), "1,000.50"), Verbs.parse("budget data-guild 1,000.50"));
        assertEquals(new FinanceVerbs.Budget(Slug.parse("data-guild"), ""), Verbs.parse("budget data-guild"));
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
