package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Costs computed in dollars, shown in the deployment's currency (CIMENT_CURRENCY, CIMENT_USD_RATE) with its dated
 * rate, written as the reader's language writes money; budgets typed in that currency, kept in dollars.
 */
class CostsInTheShownCurrencyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final String NBSP = "\u00a0";
    private final Repositories store = InMemoryRepositories.create();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private int requests;

    private Ciment deployment(String... currencyAndRate) {
        Map<String, String> settings = new HashMap<>(Map.of("CIMENT_FINANCE_EMAILS", "fin@example.com",
                "CIMENT_TRUSTED_DOMAINS", "example.com=T1"));
        if (currencyAndRate.length > 0) {
            settings.put("CIMENT_CURRENCY", currencyAndRate[0]);
            settings.put("CIMENT_USD_RATE", currencyAndRate[1]);
        }
        return new Ciment(store, clock, Finance.fromSettings(Settings.of(settings), usage));
    }

    private Answer say(Ciment ciment, String user, String locale, String text) {
        Caller caller = new Caller(new ChatAccount(Platform.SLACK, "T1", user), () -> new Introduction(user,
                Optional.of(user + "@example.com"), false, List.of("T1")), "r" + ++requests, clock.instant(),
                Directory.NONE, null, null, locale);
        return ciment.answer(caller, text);
    }

    private Ciment aMonthOfUsage(Ciment ciment) {
        say(ciment, "ada", "en-US", "create data-guild Data tips");
        String guild = store.communities().find(Slug.parse("data-guild")).orElseThrow().id();
        usage.add(guild, DAY, Meter.API_REQUESTS, 1_000_000)      // $1.00
                .add(guild, DAY, Meter.LAMBDA_REQUESTS, 2_000_000)  // $0.40
                .add(UsageDay.PLATFORM, DAY, Meter.DYNAMODB_READ_UNITS, 1_000_000); // $0.125
        return ciment;
    }

    @Test
    void costs_forAFrenchReader_inADeploymentShowingEuros_areInEuros_withTheDatedRate() {
        Ciment ciment = aMonthOfUsage(deployment("EUR", "0.92@2026-12-01"));

        Answer answer = say(ciment, "fin", "fr-FR", "costs 2026-11");

        Reply.Costs costs = assertInstanceOf(Reply.Costs.class, answer.reply());
        assertEquals(new BigDecimal("1.53"), costs.total(), "computed in dollars as before");
        // $1.53 is 1.4076 euros; $1.40 is 1.288; $1.00 is 0.92; $0.40 is 0.368.
        assertEquals("Coûts de 2026-11 : 1,41" + NBSP + "€ (1 USD = 0,92 EUR au 1 déc. 2026) au total, 1 communauté"
                + " et la plateforme.", answer.summary());
        assertEquals("data-guild : 1,29" + NBSP + "€ (Amazon API Gateway 0,92" + NBSP + "€, AWS Lambda 0,37" + NBSP + "€)",
                costs.line(costs.communities().get(0), answer.words()));
    }

    @Test
    void costs_forAnEnglishReader_withNoCurrencySet_areInDollars_asBefore() {
        Ciment ciment = aMonthOfUsage(deployment());

        Answer answer = say(ciment, "fin", "en-US", "costs 2026-11");

        Reply.Costs costs = assertInstanceOf(Reply.Costs.class, answer.reply());
        assertEquals("Costs for 2026-11: $1.53 in all, 1 community and the platform.", answer.summary());
        assertEquals("data-guild: $1.40 (Amazon API Gateway $1.00, AWS Lambda $0.40)",
                costs.line(costs.communities().get(0), answer.words()));
    }

    @Test
    void aBudgetTypedInEuros_isKeptInDollars_andTheReplySaysHowItFollowsTheRate() {
        Ciment ciment = aMonthOfUsage(deployment("EUR", "0.92@2026-12-01"));

        Answer done = say(ciment, "ada", "fr-FR", "budget data-guild 25");

        assertInstanceOf(Reply.Done.class, done.reply());
        String guild = store.communities().find(Slug.parse("data-guild")).orElseThrow().id();
        assertEquals(Optional.of(new BigDecimal("27.173913")), usage.budget(guild));
        assertEquals("Le budget mensuel de data-guild est désormais de 25,00" + NBSP + "€, conservé comme 27,17" + NBSP
                + "$US au taux 1 USD = 0,92 EUR au 1 déc. 2026 (si le taux change, il est affiché au nouveau taux) :"
                + " ses animateurs et la finance sont prévenus quand les coûts du mois en atteignent 80 % et 100 %.",
                done.summary());
        Answer costs = say(ciment, "ada", "fr-FR", "costs 2026-11");
        Reply.Costs report = assertInstanceOf(Reply.Costs.class, costs.reply());
        assertEquals("data-guild : 1,29" + NBSP + "€ (Amazon API Gateway 0,92" + NBSP + "€, AWS Lambda 0,37" + NBSP
                + "€) ; budget 25,00" + NBSP + "€, 5 % utilisé", report.line(report.communities().get(0), costs.words()));
    }

    @Test
    void aBudget_afterTheRateChanges_isShownAtTheNewRate_itsDollarsUnchanged() {
        aMonthOfUsage(deployment("EUR", "0.92@2026-12-01"));
        say(deployment("EUR", "0.92@2026-12-01"), "ada", "fr-FR", "budget data-guild 25");

        Answer costs = say(deployment("EUR", "0.95@2027-01-05"), "ada", "en-US", "costs 2026-11");

        Reply.Costs report = assertInstanceOf(Reply.Costs.class, costs.reply());
        assertEquals(Optional.of(new BigDecimal("27.173913")), report.communities().get(0).budget());
        assertEquals("data-guild: €1.33 (Amazon API Gateway €0.95, AWS Lambda €0.38); budget €25.82, 5% used",
                report.line(report.communities().get(0), costs.words()));
    }

    @Test
    void budget_inADeploymentShowingEuros_refusesInEuros() {
        Ciment ciment = aMonthOfUsage(deployment("EUR", "0.92@2026-12-01"));

        assertEquals("Say the monthly budget in EUR: budget data-guild <amount>, for example “budget data-guild 25”.",
                say(ciment, "ada", "en-US", "budget data-guild").summary());
        assertEquals(0, usage.writes());
    }
}
