package io.callmask.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceGeneratorTest {

    private static final TraceGenerator.Params SMALL = TraceGenerator.Params.defaults().withOrders(5_000);

    private static Trace day;

    @BeforeAll
    static void generateTheDefaultDay() {
        long started = System.nanoTime();
        day = TraceGenerator.generate(TraceGenerator.Params.defaults());
        System.out.println("[replay] generated 120,000 rows in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @Test
    void theSameSeedGivesTheSameBytes(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        TraceGenerator.write(first, SMALL);
        TraceGenerator.write(second, SMALL);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(TraceGenerator.generate(SMALL.withSeed(43)).toCsv()).isNotEqualTo(Files.readString(first));
    }

    @Test
    void writesTheRequestedRowsAsAValidTrace() throws IOException {
        String csv = day.toCsv();
        Trace read = Trace.read(new StringReader(csv));

        assertThat(read.size()).isEqualTo(120_000);
        assertThat(read).isEqualTo(day);
        assertThat(TraceGenerator.generate(SMALL.withOrders(0)).size()).isZero();
        assertThat(TraceGenerator.generate(SMALL.withOrders(7)).size()).isEqualTo(7);
    }

    @Test
    void rowsOpenWithinTheDayInOrderWithUniqueReferences() {
        assertThat(day.rows()).isSortedAccordingTo(Comparator.comparingLong(TraceRow::openS));
        assertThat(day.rows()).allSatisfy(row -> assertThat(row.openS()).isBetween(0L, 86_399L));
        assertThat(day.rows().get(0).reference()).isEqualTo("ORD-0000001");
        assertThat(day.rows().stream().map(TraceRow::reference).distinct().count()).isEqualTo(120_000);
    }

    @Test
    void numbersAreDistinctIndianMobilesAndNoRetailerIsACustomer() {
        Set<String> retailers = new HashSet<>();
        Set<String> customers = new HashSet<>();
        day.rows().forEach(row -> {
            retailers.add(row.retailerNumber());
            customers.add(row.customerNumber());
        });
        assertThat(retailers).allMatch(n -> n.matches("\\+91[6-9]\\d{9}")).hasSizeBetween(2_000, 3_000);
        assertThat(customers).allMatch(n -> n.matches("\\+91[6-9]\\d{9}")).hasSize(90_000);
        assertThat(retailers).doesNotContainAnyElementsOf(customers);
    }

    @Test
    void mostCustomersOrderOnceAndRegularsSeveralTimes() {
        Map<String, Long> orders = countBy(TraceRow::customerNumber);
        long once = orders.values().stream().filter(n -> n == 1).count();
        long most = orders.values().stream().mapToLong(Long::longValue).max().orElseThrow();

        assertThat(once).isGreaterThan(orders.size() / 2);
        assertThat(most).isBetween(5L, 30L);
    }

    @Test
    void retailerPopularityIsZipfLike() {
        long[] perRetailer = countBy(TraceRow::retailerNumber).values().stream().mapToLong(Long::longValue).sorted().toArray();
        long top = perRetailer[perRetailer.length - 1];
        long median = perRetailer[perRetailer.length / 2];
        System.out.println("[replay] orders per retailer: top=" + top + " median=" + median);

        assertThat(top).isGreaterThan(5_000).isGreaterThan(100 * median);
        assertThat(Arrays.stream(perRetailer).filter(n -> n >= 1_000).count()).isBetween(5L, 40L);
    }

    @Test
    void arrivalsFollowAnIndianDay() {
        long[] perHour = new long[24];
        day.rows().forEach(row -> perHour[(int) (row.openS() / 3_600)]++);
        System.out.println("[replay] arrivals per hour: " + Arrays.toString(perHour));

        assertThat(perHour[13]).isGreaterThan(5 * perHour[4]);
        assertThat(perHour[20]).isGreaterThan(5 * perHour[4]);
        assertThat(perHour[13]).isGreaterThan(perHour[9]);
        assertThat(perHour[20]).isGreaterThan(perHour[16]);
    }

    @Test
    void sessionsLastBetweenHalfAnHourAndADayInThreeKinds() {
        assertThat(day.rows()).allSatisfy(row -> assertThat(row.lengthS()).isBetween(1_800L, 86_400L));
        long quick = day.rows().stream().filter(row -> row.lengthS() <= 3_600).count();
        long nextDay = day.rows().stream().filter(row -> row.lengthS() > 8 * 3_600).count();

        assertThat(quick).isBetween(50_000L, 58_000L);     // 45% of 120,000 = 54,000
        assertThat(nextDay).isBetween(21_000L, 27_000L);   // 20% of 120,000 = 24,000
    }

    @Test
    void refusesImpossibleParameters() {
        assertThatThrownBy(() -> new TraceGenerator.Params(-1, 3_000, 90_000, 1.1, 42))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceGenerator.Params(10, 0, 90_000, 1.1, 42))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceGenerator.Params(10, 3_000, 90_000, Double.NaN, 42))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Long> countBy(Function<TraceRow, String> number) {
        Map<String, Long> counts = new HashMap<>();
        day.rows().forEach(row -> counts.merge(number.apply(row), 1L, Long::sum));
        return counts;
    }
}
