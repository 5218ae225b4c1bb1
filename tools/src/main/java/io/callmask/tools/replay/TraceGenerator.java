package io.callmask.tools.replay;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a synthetic but plausible day of an Indian marketplace, for replaying against the
 * allocator when no real trace may leave production. The model:
 * <ul>
 *   <li><b>Retailers</b> ({@link Params#retailers()}, default 3,000) get orders by Zipf popularity
 *       with exponent {@link Params#zipfExponent()} (default 1.1): the top retailer gets ~16% of all
 *       orders (~19,000 of 120,000), the median one a handful.</li>
 *   <li><b>Customers</b> ({@link Params#customers()}, default 90,000): every customer orders once
 *       (while orders last); the remaining orders go to "regulars", a random tenth of those
 *       customers, chosen uniformly, so most customers have one order and regulars several,
 *       sometimes open at the same time.</li>
 *   <li><b>Arrivals</b> follow {@link DiurnalCurve}: quiet 01:00–07:00, peaks around 12:00–14:00 and
 *       19:00–22:00; time 0 is midnight, orders open within the first 86,400 s.</li>
 *   <li><b>Session length</b> is the delivery window ({@link DeliveryWindow}): 45% quick commerce
 *       (30–60 min), 35% same-day (2–8 h), 20% next-day (8–24 h); so the trace runs into the next
 *       day by up to 24 h.</li>
 *   <li><b>Numbers</b>: distinct {@code +91} mobiles starting 6–9, retailers and customers never share
 *       one. References are {@code ORD-0000001} upwards in order of opening; rows are sorted by
 *       {@code open_s}.</li>
 * </ul>
 * Everything is drawn from one {@link SplittableRandom} seeded with {@link Params#seed()}, in a
 * fixed order, so the same parameters always give the byte-identical CSV.
 */
public final class TraceGenerator {

    // A tenth of customers are regulars: enough for some to hold several open orders at once.
    private static final int REGULARS_DIVISOR = 10;

    private TraceGenerator() {}

    /**
     * What to generate.
     *
     * @param orders       rows in the trace
     * @param retailers    distinct retailer numbers
     * @param customers    distinct customer numbers (those beyond {@code orders} never appear)
     * @param zipfExponent the skew of retailer popularity (1.0–1.2 is realistic)
     * @param seed         the one source of randomness
     */
    public record Params(int orders, int retailers, int customers, double zipfExponent, long seed) {

        public Params {
            if (orders < 0 || retailers < 1 || customers < 1) {
                throw new IllegalArgumentException("orders must be >= 0, retailers and customers >= 1");
            }
            if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
                throw new IllegalArgumentException("zipfExponent must be between 0 and 10");
            }
            if ((long) retailers + customers > 100_000_000L) {
                throw new IllegalArgumentException("at most 100,000,000 distinct numbers");
            }
        }

        /** 120,000 orders, 3,000 retailers, 90,000 customers, Zipf exponent 1.1, seed 42. */
        public static Params defaults() {
            return new Params(120_000, 3_000, 90_000, 1.1, 42);
        }

        public Params withOrders(int orders) {
            return new Params(orders, retailers, customers, zipfExponent, seed);
        }

        public Params withSeed(long seed) {
            return new Params(orders, retailers, customers, zipfExponent, seed);
        }
    }

    /** Generates the trace for {@code params}. */
    public static Trace generate(Params params) {
        var random = new SplittableRandom(params.seed());
        List<String> numbers = IndianMobiles.distinct(params.retailers() + params.customers(), random);
        List<String> retailerNumbers = numbers.subList(0, params.retailers());
        List<String> customerNumbers = numbers.subList(params.retailers(), numbers.size());
        int[] customerOf = customers(params, random);
        var popularity = new ZipfPopularity(params.retailers(), params.zipfExponent());
        var curve = new DiurnalCurve();

        int n = params.orders();
        long[] openS = new long[n];
        long[] lengthS = new long[n];
        int[] retailerOf = new int[n];
        long[] byOpening = new long[n];
        for (int i = 0; i < n; i++) {
            openS[i] = curve.arrivalSecond(random);
            lengthS[i] = DeliveryWindow.drawLengthS(random);
            retailerOf[i] = popularity.next(random);
            // open_s < 2^17 and i < 2^31, so (open_s, i) packs into one sortable long: a stable sort by time.
            byOpening[i] = openS[i] << 32 | i;
        }
        Arrays.sort(byOpening);

        List<TraceRow> rows = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = (int) byOpening[k];
            rows.add(new TraceRow(openS[i], openS[i] + lengthS[i], reference(k + 1),
                    retailerNumbers.get(retailerOf[i]), customerNumbers.get(customerOf[i])));
        }
        return new Trace(rows);
    }

    /** Generates and writes the trace as CSV; the writer is flushed, not closed. */
    public static void write(Writer out, Params params) throws IOException {
        generate(params).write(out);
    }

    /** Generates and writes the trace to {@code out} (UTF-8), replacing it. */
    public static void write(Path out, Params params) throws IOException {
        generate(params).write(out);
    }

    /** The customer of each order: everyone once first, then regulars again. */
    private static int[] customers(Params params, SplittableRandom random) {
        int[] shuffled = new int[params.customers()];
        for (int c = 0; c < shuffled.length; c++) {
            shuffled[c] = c;
        }
        for (int c = shuffled.length - 1; c > 0; c--) {
            int other = random.nextInt(c + 1);
            int kept = shuffled[c];
            shuffled[c] = shuffled[other];
            shuffled[other] = kept;
        }
        int appearing = Math.min(params.orders(), params.customers());
        int regulars = Math.max(1, appearing / REGULARS_DIVISOR);
        int[] customerOf = new int[params.orders()];
        for (int i = 0; i < customerOf.length; i++) {
            customerOf[i] = i < appearing ? shuffled[i] : shuffled[random.nextInt(regulars)];
        }
        return customerOf;
    }

    private static String reference(int ordinal) {
        String digits = Integer.toString(ordinal);
        return "ORD-" + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }
}
