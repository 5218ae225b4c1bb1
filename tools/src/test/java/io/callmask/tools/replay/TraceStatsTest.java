package io.callmask.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceStatsTest {

    private static final String R1 = "+919000000001";
    private static final String R2 = "+919000000002";
    private static final String C1 = "+918000000001";
    private static final String C2 = "+918000000002";
    private static final String C3 = "+918000000003";
    private static final String C4 = "+918000000004";
    private static final String C5 = "+918000000005";
    private static final String C6 = "+918000000006";
    private static final String C7 = "+918000000007";

    private static TraceRow row(long open, long close, String retailer, String customer) {
        return new TraceRow(open, close, "ORD-" + open + "-" + close, retailer, customer);
    }

    /** R1 hands over from ORD 0–10 to ORD 10–20 at t=10: touching, not overlapping. */
    private static final List<TraceRow> TOUCHING = List.of(
            row(0, 10, R1, C1),
            row(10, 20, R1, C2),
            row(5, 15, R2, C1),
            row(12, 30, R1, C3));

    /** A busy retailer R1 with six overlapping orders (C1 twice), a quieter R2, C1 with three open orders. */
    private static final List<TraceRow> BUSY = List.of(
            row(0, 100, R1, C1),
            row(10, 110, R1, C2),
            row(20, 120, R1, C3),
            row(30, 130, R1, C4),
            row(40, 140, R1, C5),
            row(50, 150, R1, C1),
            row(150, 200, R1, C6),
            row(60, 160, R2, C1),
            row(70, 80, R2, C7));

    @Test
    void touchingSessionsDoNotOverlap() {
        TraceStats stats = TraceStats.of(TOUCHING);

        assertThat(stats.sessions()).isEqualTo(4);
        assertThat(stats.retailers()).isEqualTo(2);
        assertThat(stats.customers()).isEqualTo(3);
        assertThat(stats.perSessionRule()).isEqualTo(3);     // t=12: ORD 10–20, 5–15, 12–30
        assertThat(stats.perPartyRule()).isEqualTo(5);       // t=12: R1, R2, C1, C2, C3
        assertThat(stats.lowerBound()).isEqualTo(2);         // R1 at t=12 and C1 at t=5; R1 would be 3 if 0–10 and 10–20 overlapped
        assertThat(stats.largestRetailerDegree()).isEqualTo(2);
        assertThat(stats.largestCustomerDegree()).isEqualTo(2);
        assertThat(stats.retailersOver(0)).isEqualTo(2);
        assertThat(stats.retailersOver(1)).isEqualTo(1);
        assertThat(stats.retailersOver(2)).isZero();
        assertThat(stats.lowerBoundWithoutHubs(1)).isEqualTo(2);
        assertThat(stats.hubBound(1, 1)).isEqualTo(3);
    }

    @Test
    void aBusyRetailerSetsTheLowerBoundUntilItIsOnAHub() {
        TraceStats stats = TraceStats.of(BUSY);

        assertThat(stats.sessions()).isEqualTo(9);
        assertThat(stats.retailers()).isEqualTo(2);
        assertThat(stats.customers()).isEqualTo(7);
        assertThat(stats.perSessionRule()).isEqualTo(8);     // t=70..80: six of R1, two of R2
        assertThat(stats.perPartyRule()).isEqualTo(8);       // t=70..80: R1, R2, C1, C2, C3, C4, C5, C7
        assertThat(stats.lowerBound()).isEqualTo(6);         // R1 at t=50..100
        assertThat(stats.largestRetailerDegree()).isEqualTo(6);
        assertThat(stats.largestCustomerDegree()).isEqualTo(3); // C1 at t=60..100

        assertThat(stats.retailersOver(1)).isEqualTo(2);
        assertThat(stats.retailersOver(2)).isEqualTo(1);
        assertThat(stats.retailersOver(5)).isEqualTo(1);
        assertThat(stats.retailersOver(6)).isZero();
        assertThat(stats.retailersOver(50)).isZero();

        assertThat(stats.lowerBoundWithoutHubs(0)).isEqualTo(3);
        assertThat(stats.lowerBoundWithoutHubs(2)).isEqualTo(3);
        assertThat(stats.lowerBoundWithoutHubs(5)).isEqualTo(3);
        assertThat(stats.lowerBoundWithoutHubs(6)).isEqualTo(6);
        assertThat(stats.hubBound(5, 1)).isEqualTo(4);       // C1's three numbers plus R1's hub
        assertThat(stats.hubBound(1, 2)).isEqualTo(5);
        assertThat(stats.hubBound(6, 0)).isEqualTo(6);       // no hubs: back to Δ
    }

    @Test
    void aNumberOnBothSidesCountsAllItsSessionsAndLeavesWithItsHub() {
        String shop = R1;
        TraceStats stats = TraceStats.of(List.of(
                row(0, 10, shop, C1), row(0, 10, shop, C2), row(0, 10, shop, C3),
                row(5, 8, R2, shop)));

        assertThat(stats.lowerBound()).isEqualTo(4);
        assertThat(stats.largestRetailerDegree()).isEqualTo(4);
        assertThat(stats.largestCustomerDegree()).isEqualTo(4);
        assertThat(stats.perPartyRule()).isEqualTo(5);
        assertThat(stats.retailersOver(3)).isEqualTo(1);
        assertThat(stats.lowerBoundWithoutHubs(3)).isEqualTo(1);
    }

    @Test
    void rowOrderDoesNotMatter() {
        List<TraceRow> shuffled = new ArrayList<>(BUSY);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(TraceStats.of(shuffled).toString()).isEqualTo(TraceStats.of(BUSY).toString());
    }

    @Test
    void timesBeyondThirtyOneBitsGiveTheSameFigures() {
        long shift = 3_000_000_000L;
        List<TraceRow> late = BUSY.stream()
                .map(r -> new TraceRow(r.openS() + shift, r.closeS() + shift, r.reference(), r.retailerNumber(),
                        r.customerNumber()))
                .toList();
        assertThat(TraceStats.of(late).toString()).isEqualTo(TraceStats.of(BUSY).toString());
    }

    @Test
    void anEmptyTraceNeedsNothing() {
        TraceStats stats = TraceStats.of(new Trace(List.of()));
        assertThat(stats.toString()).isEqualTo("sessions=0 retailers=0 customers=0 per_session_rule=0"
                + " per_party_rule=0 lower_bound=0 largest_customer_degree=0 largest_retailer_degree=0");
        assertThat(stats.retailersOver(0)).isZero();
        assertThat(stats.hubBound(5, 0)).isZero();
    }

    @Test
    void figuresOfTheDefaultDay() {
        Trace day = TraceGenerator.generate(TraceGenerator.Params.defaults());
        long started = System.nanoTime();
        TraceStats stats = TraceStats.of(day);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("[replay] default day (120,000 orders, seed 42): " + stats + " (computed in " + millis + " ms)");
        for (int threshold : new int[] {5, 10, 20, 50}) {
            int hubs = stats.retailersOver(threshold);
            System.out.println("[replay] T=" + threshold + ": retailers_over_T=" + hubs
                    + " lower_bound_without_hubs=" + stats.lowerBoundWithoutHubs(threshold)
                    + " hub_bound(one hub each)=" + stats.hubBound(threshold, hubs));
        }

        assertThat(stats.sessions()).isEqualTo(120_000);
        assertThat(stats.perSessionRule()).isLessThan(120_000);
        assertThat(stats.perPartyRule()).isGreaterThan(stats.lowerBound());
        assertThat(stats.lowerBound()).isEqualTo(stats.largestRetailerDegree())
                .isGreaterThan(stats.largestCustomerDegree());
        assertThat(stats.lowerBoundWithoutHubs(stats.largestCustomerDegree())).isEqualTo(stats.largestCustomerDegree());
    }
}
