package ciment.core.reply;

import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import java.util.List;
import java.util.Optional;

/**
 * What a cost report says, in the reader's language, its dollar amounts in the deployment's currency: the
 * report's sentence, each community's line, and the rate beside converted amounts (once per reply).
 */
public final class CostWords {
    private CostWords() {
    }

    /** The report's sentence: its month, its total (with the rate when converted), how many communities. */
    static String summary(Reply.Costs costs, Catalogue words) {
        if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
            return words.say("finance.costs.none", costs.month().toString());
        }
        Message when = Message.of(costs.estimated() ? "finance.costs.monthEstimated" : "finance.costs.month",
                costs.month().toString());
        return words.say(costs.platform().isPresent() ? "finance.costs.withPlatform" : "finance.costs", when,
                costs.currency().rated(costs.total()), costs.communities().size());
    }

    /** "data-guild: $1.23 (AWS Lambda $0.80, Amazon DynamoDB $0.43); budget $25.00, 4% used". */
    public static String line(Reply.CommunityCost line, ShownCurrency currency, Catalogue words) {
        return words.say("finance.costs.line", Message.verbatim(line.name()), Message.verbatim(detail(line, currency, words)));
    }

    /** A line without its name: "$1.23 (AWS Lambda $1.23); budget $25.00, 4% used". */
    public static String detail(Reply.CommunityCost line, ShownCurrency currency, Catalogue words) {
        List<String> services = line.topServices().stream()
                .map(service -> service.service() + " " + currency.amount(service.cost(), words)).toList();
        String key = "finance.costs.detail" + (services.isEmpty() ? "" : ".services")
                + (line.budget().isPresent() ? ".budget" : "");
        return words.say(key, currency.of(line.cost()), Message.verbatim(String.join(", ", services)),
                line.budget().<Object>map(currency::of).orElse(""), line.percentOfBudget().orElse(0));
    }

    /** "Amounts in EUR, converted from US dollars at 1 USD = 0.92 EUR on Dec 1, 2026", when converted. */
    public static Optional<String> converted(ShownCurrency currency, Catalogue words) {
        return currency.rate(words).map(rate -> words.say("finance.costs.converted",
                currency.currency().getCurrencyCode(), rate));
    }
}
