package io.callmask.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderCodesTest {

    private final OrderCodes codes = new OrderCodes(4);

    @Test
    void codesHaveTheConfiguredLengthForAPartyWithFewOrders() {
        for (int open : new int[] {0, 1, 50, 999}) {
            assertThat(codes.next(open)).matches("\\d{4}");
        }
    }

    @Test
    void codesGrowSoThatAtMostATenthOfTheSpaceIsInUse() {
        assertThat(codes.next(1_000)).matches("\\d{5}");
        assertThat(codes.next(6_054)).matches("\\d{5}");
        assertThat(codes.next(10_000)).matches("\\d{6}");
        assertThat(codes.next(50_000_000)).as("capped by the column").matches("\\d{8}");
    }

    @Test
    void codesAreSpreadOverTheirSpace() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(codes.next(0));
        }
        assertThat(seen).hasSizeGreaterThan(180);
    }
}
