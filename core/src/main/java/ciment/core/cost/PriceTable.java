package ciment.core.cost;

import ciment.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The list prices of every meter for one region and architecture, as in effect on a month's first day.
 * Tables are bundled text files (ciment/prices/&lt;region&gt;.prices, format in the file's header), so a
 * price change is a dated line, and a month keeps the prices it was billed at.
 */
public final class PriceTable {
    static final String REGION_SETTING = "CIMENT_PRICES_REGION";
    static final String ARCHITECTURE_SETTING = "CIMENT_ARCHITECTURE";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ARCHITECTURE = "arm64";
    static final List<String> ARCHITECTURES = List.of("arm64", "x86_64");
    private static final String ANY = "any";
    private static final String FOLDER = "/ciment/prices/";

    private final String region;
    private final String architecture;
    private final YearMonth month;
    private final Map<Meter, Price> prices;
    private final Map<Meter, BigDecimal> unitPrices = new EnumMap<>(Meter.class);

    private PriceTable(String region, String architecture, YearMonth month, Map<Meter, Price> prices) {
        this.region = region;
        this.architecture = architecture;
        this.month = month;
        this.prices = prices;
        prices.forEach((meter, price) -> unitPrices.put(meter, price.unitPrice()));
    }

    /** The bundled table of a region and architecture, as in effect for a month. */
    public static PriceTable select(String region, String architecture, YearMonth month) {
        String text = bundled(region);
        if (text == null) {
            throw new IllegalArgumentException("There is no price table for region \"" + region
                    + "\": Ciment has tables for " + String.join(", ", regions()) + ".");
        }
        return parse(region, architecture, month, text);
    }

    /**
     * The table configuration names: CIMENT_PRICES_REGION (default AWS_REGION, else us-east-1) and
     * CIMENT_ARCHITECTURE (default arm64), as in effect for a month.
     */
    public static PriceTable fromSettings(Settings settings, YearMonth month) {
        String region = settings.get(REGION_SETTING).or(() -> settings.get("AWS_REGION")).orElse(DEFAULT_REGION);
        return select(region, settings.get(ARCHITECTURE_SETTING, DEFAULT_ARCHITECTURE), month);
    }

    /** The regions with a bundled table. */
    public static List<String> regions() {
        return bundledLines("regions");
    }

    /**
     * A table from price-file text (the bundled format), as in effect for a month: for each meter, the
     * line of this architecture (or "any") with the latest effective date on or before the month's first day.
     */
    public static PriceTable parse(String region, String architecture, YearMonth month, String text) {
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("\"" + architecture + "\" is no Lambda architecture: choose "
                    + String.join(" or ", ARCHITECTURES) + ".");
        }
        LocalDate first = month.atDay(1);
        Map<Meter, Price> chosen = new EnumMap<>(Meter.class);
        List<Price> all = lines(region, text);
        for (Price price : all) {
            boolean fits = price.architecture().equals(architecture) || price.architecture().equals(ANY);
            Price before = chosen.get(price.meter());
            if (fits && !price.effective().isAfter(first)
                    && (before == null || price.effective().isAfter(before.effective())
                    || price.effective().equals(before.effective()) && !price.architecture().equals(ANY))) {
                chosen.put(price.meter(), price);
            }
        }
        for (Meter meter : Meter.values()) {
            if (!chosen.containsKey(meter)) {
                throw new IllegalArgumentException("The " + region + " price table has no " + architecture
                        + " price for " + meter.key() + " in effect on " + first + ".");
            }
        }
        return new PriceTable(region, architecture, month, chosen);
    }

    private static List<Price> lines(String region, String text) {
        List<Price> prices = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = "Line " + (i + 1) + " of the " + region + " price table";
            if (f.length != 7) {
                throw new IllegalArgumentException(where
                        + " does not read \"meter architecture effective usd per read source\".");
            }
            if (!f[1].equals(ANY) && !ARCHITECTURES.contains(f[1])) {
                throw new IllegalArgumentException(where + " names an unknown architecture \"" + f[1] + "\".");
            }
            try {
                prices.add(new Price(Meter.ofKey(f[0]), f[1], LocalDate.parse(f[2]), new BigDecimal(f[3]),
                        new BigDecimal(f[4]), f[6], LocalDate.parse(f[5])));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + " has a number or date that does not read.");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return prices;
    }

    /** Bundled texts by region, read once per process (a warm Lambda prices many months from them). */
    private static final Map<String, String> BUNDLED = new ConcurrentHashMap<>();

    private static String bundled(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            return null;
        }
        String text = BUNDLED.get(name);
        if (text == null) {
            text = read(name);
            if (text != null) {
                BUNDLED.put(name, text);
            }
        }
        return text;
    }

    private static String read(String name) {
        try (InputStream in = PriceTable.class.getResourceAsStream(FOLDER + name + ".prices")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> bundledLines(String name) {
        try (InputStream in = PriceTable.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String region() {
        return region;
    }

    public String architecture() {
        return architecture;
    }

    /** The month this table prices. */
    public YearMonth month() {
        return month;
    }

    /** The latest effective date among the chosen prices: the table's date. */
    LocalDate effective() {
        LocalDate latest = LocalDate.MIN;
        for (Price price : prices.values()) {
            latest = price.effective().isAfter(latest) ? price.effective() : latest;
        }
        return latest;
    }

    /** The latest day a chosen price was read at its source. */
    public LocalDate read() {
        LocalDate latest = LocalDate.MIN;
        for (Price price : prices.values()) {
            latest = price.read().isAfter(latest) ? price.read() : latest;
        }
        return latest;
    }

    /** "us-east-1/arm64/2024-11-01": region, architecture and the table's date. */
    public String id() {
        return region + "/" + architecture + "/" + effective();
    }

    public Price price(Meter meter) {
        return prices.get(meter);
    }

    /** FOCUS ListUnitPrice of a meter: dollars per reported unit. */
    BigDecimal unitPrice(Meter meter) {
        return unitPrices.get(meter);
    }

    /** The list cost of a quantity of a meter, in its reported unit: exact. */
    public BigDecimal costOf(Meter meter, BigDecimal quantity) {
        return quantity.multiply(unitPrices.get(meter));
    }

    /** Every meter's price, in meter order. */
    public List<Price> prices() {
        return List.copyOf(prices.values());
    }

    /** The distinct source addresses, sorted. */
    public Set<String> sources() {
        Set<String> sources = new TreeSet<>();
        for (Price price : prices.values()) {
            sources.add(price.source());
        }
        return sources;
    }

    @Override
    public String toString() {
        return "PriceTable[" + id() + " for " + month + "]";
    }
}
