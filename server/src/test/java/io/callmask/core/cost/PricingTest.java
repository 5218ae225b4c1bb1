package io.callmask.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final CostProperties.Tariff PER_MINUTE = new CostProperties.Tariff(new BigDecimal("4.00"),
            new BigDecimal("1.00"), new BigDecimal("1200"), Duration.ofSeconds(60));
    private static final CostProperties.Tariff PER_SECOND = new CostProperties.Tariff(new BigDecimal("0.60"),
            new BigDecimal("0.30"), new BigDecimal("1200"), Duration.ofSeconds(1));

    private final Pricing pricing =
            new Pricing(new CostProperties("INR", Map.of("twilio", PER_MINUTE, "persecond", PER_SECOND), null, null, null));

    @Test
    void durationsRoundUpToTheIncrement() {
        assertThat(Pricing.roundUp(0, Duration.ofSeconds(60))).isZero();
        assertThat(Pricing.roundUp(1, Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(Pricing.roundUp(60, Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(Pricing.roundUp(61, Duration.ofSeconds(60))).isEqualTo(120);
        assertThat(Pricing.roundUp(61, Duration.ofSeconds(6))).isEqualTo(66);
        assertThat(Pricing.roundUp(61, Duration.ofSeconds(1))).isEqualTo(61);
    }

    @Test
    void eachLegIsRoundedOnItsOwnAndPricedByDirection() {
        // click-to-call: 61 s and 59 s outbound = 2 + 1 started minutes at 4.00
        assertThat(pricing.price("twilio", List.of(new LegUse(false, true, 61), new LegUse(false, true, 59))))
                .contains(new Money(new BigDecimal("12.00"), "INR"));
        // dial-in: 30 s inbound (1.00) + 30 s outbound (4.00), not one minute for the pair
        assertThat(pricing.price("twilio", List.of(new LegUse(true, true, 30), new LegUse(false, true, 30))))
                .contains(new Money(new BigDecimal("5.00"), "INR"));
        // per-second billing: 61 s at 0.60/min = 0.61
        assertThat(pricing.price("persecond", List.of(new LegUse(false, true, 61))))
                .contains(new Money(new BigDecimal("0.61"), "INR"));
    }

    @Test
    void unansweredAndUnfinishedLegsCostNothingAndUnknownCarriersAreUnpriced() {
        assertThat(pricing.price("twilio", List.of(new LegUse(false, false, 25), new LegUse(false, true, null))))
                .contains(new Money(BigDecimal.ZERO, "INR"));
        assertThat(pricing.price("twilio", List.of())).contains(new Money(BigDecimal.ZERO, "INR"));
        assertThat(pricing.price("plivo", List.of(new LegUse(false, true, 60)))).isEmpty();
        assertThat(pricing.billedSeconds("twilio", new LegUse(true, true, 1))).isEqualTo(60);
        assertThat(pricing.billedSeconds("twilio", new LegUse(true, false, 100))).isZero();
    }

    @Test
    void aDialInsUnreportedIncomingLegLastsUntilTheCalleeEndedAndAtLeastItsTalk() {
        java.time.Instant created = java.time.Instant.parse("2026-11-25T08:00:00Z");
        var callerStillRinging = new LegUse.Stored(true, false, false, null, null, 0);
        var callee = new LegUse.Stored(false, true, true, created.plusSeconds(10), created.plusSeconds(95), 85);
        // held 95 s from our answer to the callee's end: 2 minutes in; the callee's 85 s: 2 minutes out
        List<LegUse> uses = LegUse.of(true, created, List.of(callerStillRinging, callee));
        assertThat(uses).containsExactly(new LegUse(true, true, 95), new LegUse(false, true, 85));
        assertThat(pricing.price("twilio", uses)).contains(new Money(new BigDecimal("10.00"), "INR"));
        // while the callee's leg goes on, nothing is billed yet
        var talking = new LegUse.Stored(false, false, false, created.plusSeconds(10), null, null);
        assertThat(pricing.price("twilio", LegUse.of(true, created, List.of(callerStillRinging, talking))))
                .contains(new Money(BigDecimal.ZERO, "INR"));
        // a click-to-call's caller leg is outbound and reported, never estimated
        assertThat(LegUse.of(false, created, List.of(callerStillRinging, callee)).get(0))
                .isEqualTo(new LegUse(false, false, null));
    }
}
