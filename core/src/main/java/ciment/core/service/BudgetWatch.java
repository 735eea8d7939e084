package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.cost.CostReport;
import ciment.core.cost.PriceTable;
import ciment.core.cost.ShownCurrency;
import ciment.core.cost.UsageDay;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Notices;
import ciment.core.port.People;
import ciment.core.port.Repositories;
import ciment.core.port.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Budget alerts. Given the communities whose usage just changed, it prices the month of each one that has a
 * budget and, for each threshold its cost has reached (80%, then 100%), claims the alert: of however many
 * invocations ask at once, one wins ({@link Usage#claimAlert}), and only it writes the notices, to the
 * community's stewards and the finance people (granted, or named by email and known to Ciment). So each
 * threshold is told once a month, never more. A community's budget is read at most once a minute per
 * container, and a threshold seen claimed is not asked about again.
 */
public final class BudgetWatch {
    private static final System.Logger LOG = System.getLogger(BudgetWatch.class.getName());
    static final List<Integer> THRESHOLDS = List.of(80, 100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Usage usage;
    private final Function<YearMonth, PriceTable> prices;
    private final ShownCurrency currency;
    private final Communities communities;
    private final People people;
    private final Roles roles;
    private final Notices notices;
    private final Addressees addressees;
    private final Clock clock;
    private final Map<YearMonth, PriceTable> tables = new ConcurrentHashMap<>();
    /** Budgets as last read, per community: read again once older than {@link #BUDGET_KEPT}. */
    private final Map<String, KnownBudget> budgets = new ConcurrentHashMap<>();
    /** The alerts this container has seen claimed (by it or another): never asked for again. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    /**
     * How long a budget read is trusted: the watch runs before every answer, so reading each budget every time
     * would add a read and its wait to every request. A budget set or changed is watched within this time.
     */
    static final Duration BUDGET_KEPT = Duration.ofMinutes(1);

    private record KnownBudget(Optional<BigDecimal> amount, Instant readAt) {
    }

    /** An alert this watch sent: which community, month and threshold, and to how many people. */
    public record Alert(String communityId, YearMonth month, int percent, int told) {
    }

    /** Telling whoever's language is not known in English. */
    public BudgetWatch(Repositories store, Usage usage, Finance finance, Clock clock) {
        this(store, usage, finance, clock, Language.ENGLISH);
    }

    /** Telling whoever's language is not known in {@code fallback} (CIMENT_DEFAULT_LANGUAGE). */
    public BudgetWatch(Repositories store, Usage usage, Finance finance, Clock clock, Language fallback) {
        this.addressees = new Addressees(store.people(), fallback);
        this.usage = usage;
        this.prices = finance.prices();
        this.currency = finance.currency();
        this.communities = store.communities();
        this.people = store.people();
        this.roles = new Roles(store.people(), store.grants(), finance.named());
        this.notices = store.notices();
        this.clock = clock;
    }

    /**
     * Checks the budgets of these communities ({@link UsageDay#PLATFORM} has none) for the current month (UTC).
     * A failure with one community is logged and does not stop the others: an alert is worth less than the
     * request that paid for the usage.
     */
    public List<Alert> check(Collection<String> communityIds) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<Alert> sent = new ArrayList<>();
        for (String id : communityIds) {
            if (id == null || id.equals(UsageDay.PLATFORM)) {
                continue;
            }
            try {
                sent.addAll(check(id, month));
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "budget check of community " + id + " failed", failed);
            }
        }
        return sent;
    }

    private List<Alert> check(String communityId, YearMonth month) {
        Optional<BigDecimal> budget = budgetOf(communityId);
        if (budget.isEmpty() || budget.get().signum() <= 0
                || THRESHOLDS.stream().allMatch(percent -> claimed.contains(alertKey(communityId, month, percent)))) {
            return List.of();
        }
        List<UsageDay> days = usage.monthOf(communityId, month);
        if (days.isEmpty()) {
            return List.of();
        }
        PriceTable table = tables.computeIfAbsent(month, prices);
        BigDecimal cost = CostReport.of(month, days, table, Map.of(), false).total();
        List<Alert> sent = new ArrayList<>();
        for (int percent : THRESHOLDS) {
            boolean reached = cost.multiply(HUNDRED).compareTo(budget.get().multiply(BigDecimal.valueOf(percent))) >= 0;
            if (!reached || claimed.contains(alertKey(communityId, month, percent))) {
                continue;
            }
            boolean won = usage.claimAlert(communityId, month, percent);
            claimed.add(alertKey(communityId, month, percent));
            if (won) {
                sent.add(new Alert(communityId, month, percent, tell(communityId, month, percent, cost, budget.get())));
            }
        }
        return sent;
    }

    private Optional<BigDecimal> budgetOf(String communityId) {
        Instant now = clock.instant();
        KnownBudget known = budgets.get(communityId);
        if (known == null || known.readAt().plus(BUDGET_KEPT).isBefore(now)) {
            known = new KnownBudget(usage.budget(communityId), now);
            budgets.put(communityId, known);
        }
        return known.amount();
    }

    private static String alertKey(String communityId, YearMonth month, int percent) {
        return communityId + "#" + month + "#" + percent;
    }

    /** The winner of a claim tells the stewards and finance; each notice's id names the alert and the person. */
    private int tell(String communityId, YearMonth month, int percent, BigDecimal cost, BigDecimal budget) {
        String slug = communities.catalog().stream().filter(c -> c.id().equals(communityId)).findFirst()
                .map(Community::slug).map(Object::toString).orElse(null);
        Map<String, Person> told = new LinkedHashMap<>();
        people.people(communities.stewards(communityId)).forEach(person -> told.put(person.id(), person));
        roles.holders(Grant.FINANCE).forEach(person -> told.putIfAbsent(person.id(), person));
        Message named = slug == null ? Message.of("delivery.budget.someCommunity") : Message.verbatim(slug);
        // Made for each recipient's words: the amounts are arguments, each language shows them its own way.
        Function<Catalogue, Message> text = words -> Message.of(percent >= 100 ? "delivery.budget.reached"
                : "delivery.budget.used", named, percent, currency.rated(budget), month.toString(), currency.of(cost));
        Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int count = 0;
        for (Person person : told.values()) {
            if (person.erasing()) {
                continue;
            }
            Optional<Addressees.Addressee> to = addressees.direct(person);
            if (to.isEmpty()) {
                continue;
            }
            String id = Ulid.derived(monthStart, "budget|" + communityId + "|" + month + "|" + percent + "|" + person.id());
            Catalogue words = to.get().words();
            notices.send(Notice.told(id, to.get().to(), words, text.apply(words), clock.instant()));
            count++;
        }
        return count;
    }
}
