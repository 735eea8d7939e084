package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.cost.CostReport;
import ciment.core.cost.PriceTable;
import ciment.core.cost.UsageDay;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.PersonRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.port.Grants;
import ciment.core.port.People;
import ciment.core.port.Usage;
import ciment.core.reply.Reply;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * costs, budget and grant. Reports are per community, never per person: finance and admins see every
 * community and the platform's line, a steward the communities they steward, and nobody else anything.
 */
public record FinanceActions(Communities communities, People people, Grants grants, Roles roles, Finance finance,
        AddressTrust trust, Clock clock) {
    static final int TOP_SERVICES = 3;

    public Reply costs(Person me, Optional<YearMonth> asked) {
        YearMonth month = asked.orElseGet(() -> YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        boolean everything = roles.seesAllCosts(me);
        Map<String, String> shown = new LinkedHashMap<>(); // community id -> slug
        if (!everything) {
            for (Membership membership : communities.membershipsOf(me.id())) {
                if (membership.isSteward()) {
                    shown.put(membership.communityId(), membership.slug().value());
                }
            }
            if (shown.isEmpty()) {
                return new Reply.Refused(Message.of("core.costs.forbidden"));
            }
        }
        Usage usage = usage();
        List<UsageDay> days = new ArrayList<>();
        if (everything) {
            days.addAll(usage.month(month));
            communities.catalog().forEach(c -> shown.put(c.id(), c.slug().value()));
        } else {
            shown.keySet().forEach(id -> days.addAll(usage.monthOf(id, month)));
        }
        PriceTable table = finance.prices().apply(month);
        CostReport report = CostReport.of(month, days, table, shown, false);
        if (!everything) {
            report = report.restrictedTo(shown.keySet());
        }
        List<Reply.CommunityCost> lines = new ArrayList<>();
        Optional<Reply.CommunityCost> platform = Optional.empty();
        for (CostReport.Summary summary : report.summaries()) {
            if (summary.platform()) {
                platform = Optional.of(line(summary.name(), summary.cents(), summary.services(), Optional.empty()));
            } else {
                lines.add(line(summary.name(), summary.cents(), summary.services(), usage.budget(summary.owner())));
            }
        }
        if (!everything) {
            // A steward sees each of their communities, even one that cost nothing yet.
            List<String> reported = report.owners();
            for (Map.Entry<String, String> community : shown.entrySet()) {
                if (!reported.contains(community.getKey())) {
                    lines.add(line(community.getValue(), BigDecimal.ZERO.setScale(2), List.of(),
                            usage.budget(community.getKey())));
                }
            }
        } else if (platform.isEmpty()) {
            platform = Optional.of(line(UsageDay.PLATFORM, BigDecimal.ZERO.setScale(2), List.of(), Optional.empty()));
        }
        lines.sort(Comparator.comparing(Reply.CommunityCost::cost).reversed().thenComparing(Reply.CommunityCost::name));
        String query = "?month=" + month;
        return new Reply.Costs(month, lines, platform, report.totalCents(), table.id(), List.copyOf(table.sources()),
                !report.exact(),
                // The routes are finance's (IAM, or the runner's token): a steward could not open them.
                everything ? finance.publicUrl().map(url -> url + "/costs/chart.svg" + query) : Optional.empty(),
                everything ? finance.publicUrl().map(url -> url + "/costs" + query + "&format=csv") : Optional.empty());
    }

    private static Reply.CommunityCost line(String name, BigDecimal cents, List<CostReport.ServiceCost> services,
            Optional<BigDecimal> budget) {
        List<Reply.ServiceCost> top = services.stream()
                .limit(TOP_SERVICES)
                .map(service -> new Reply.ServiceCost(service.serviceName(), service.cents()))
                .toList();
        return new Reply.CommunityCost(name, cents, top, budget);
    }

    public Reply budget(Person me, Slug slug, BigDecimal dollars) {
        Community community = communities.find(slug).orElseThrow(() -> new Refusal(CommunityActions.noSuch(slug)));
        boolean steward = communities.membership(community.id(), me.id()).map(Membership::isSteward).orElse(false);
        if (!steward && !roles.seesAllCosts(me)) {
            return new Reply.Refused(Message.of("core.budget.forbidden", slug));
        }
        usage().setBudget(community.id(), dollars);
        return new Reply.Done(Message.of("core.budget.done", slug, Reply.Costs.dollars(dollars)));
    }

    public Reply grant(Person me, Caller caller, Grant grant, PersonRef ref) {
        String role = grant.name().toLowerCase(Locale.ROOT);
        if (!roles.of(me).contains(Grant.ADMIN)) {
            return new Reply.Refused(Message.of("core.grant.notAdmin", role));
        }
        Person person = named(caller, ref);
        if (person.guest()) {
            return new Reply.Refused(Message.of("core.grant.guest", Message.verbatim(person.displayName()), role));
        }
        if (roles.of(person).contains(grant) || !grants.grant(person.id(), grant)) {
            return new Reply.Refused(Message.of("core.grant.already", Message.verbatim(person.displayName()), role));
        }
        return new Reply.Done(Message.of(grant == Grant.FINANCE ? "core.grant.doneFinance" : "core.grant.doneAdmin",
                Message.verbatim(person.displayName()), role));
    }

    private Usage usage() {
        return finance.usage().orElseThrow(() -> new Refusal(Message.of("core.costs.unmetered")));
    }

    /** The person a command names, by @mention or email address, who must have used Ciment already. */
    private Person named(Caller caller, PersonRef ref) {
        if (ref.isEmail()) {
            return trust.named(ref.email());
        }
        ChatAccount account = caller.directory().accountOf(ref.token()).orElseThrow(() -> new Refusal(Message.of("core.person.notFound", Message.verbatim(ref.token()))));
        return people.find(account)
                .orElseThrow(() -> new Refusal(Message.of("core.person.newcomer", Message.verbatim(ref.token()))));
    }
}
