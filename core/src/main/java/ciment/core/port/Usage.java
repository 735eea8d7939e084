package ciment.core.port;

import ciment.core.cost.UsageDay;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Metered usage, budgets and the alerts they raised. Written by the meter (infra), read by reports. */
public interface Usage {

    /** Every owner's usage days of a month (communities and the platform). */
    List<UsageDay> month(YearMonth month);

    /** One community's (or {@link UsageDay#PLATFORM}'s) usage days of a month (cheap: one partition). */
    List<UsageDay> monthOf(String communityId, YearMonth month);

    /** A community's monthly budget in US dollars, if one is set. */
    Optional<BigDecimal> budget(String communityId);

    void setBudget(String communityId, BigDecimal dollars);

    /**
     * Claims the alert for a threshold (80 or 100 percent) of a community's budget in a month: true for
     * the one caller that claims it first, false for every other, however many ask at once.
     */
    boolean claimAlert(String communityId, YearMonth month, int percent);
}
