/**
 * What communities cost: metered usage ({@link ciment.core.cost.UsageDay}, {@link ciment.core.cost.Meter})
 * priced by a dated list-price table ({@link ciment.core.cost.PriceTable#fromSettings}), reported per
 * community and service ({@link ciment.core.cost.CostReport#of}, {@code restrictedTo} for a steward,
 * {@code summaries()} and {@code summaryLines()} for chat), and exported as FinOps FOCUS CSV
 * ({@link ciment.core.cost.FocusCsv#write}), JSON ({@link ciment.core.cost.CostJson#write}) and an SVG
 * chart ({@link ciment.core.cost.CostChart#svg}). Amounts stay exact BigDecimals until shown; shown cents
 * ({@link ciment.core.cost.Money#apportion}) add up to the shown total. Owners are communities or the
 * platform, never people.
 */
package ciment.core.cost;
