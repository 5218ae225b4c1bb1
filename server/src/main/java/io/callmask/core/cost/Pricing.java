package io.callmask.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Prices calls the way carriers bill them: each leg on its own, its duration rounded up to the
 * carrier's billing increment, times the per-minute price of its direction. An unanswered leg, or
 * one still going, costs nothing (yet).
 */
@Component
public class Pricing {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final CostProperties properties;

    public Pricing(CostProperties properties) {
        this.properties = properties;
    }

    public String currency() {
        return properties.currency();
    }

    /** Empty when the carrier has no price table. */
    public Optional<Money> price(String carrier, List<LegUse> legs) {
        return exact(carrier, legs).map(amount -> new Money(amount, properties.currency()));
    }

    /** The unrounded amount, for sums; empty when the carrier has no price table. */
    Optional<BigDecimal> exact(String carrier, List<LegUse> legs) {
        CostProperties.Tariff tariff = properties.carriers().get(carrier);
        if (tariff == null) {
            return Optional.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (LegUse leg : legs) {
            total = total.add(legCost(tariff, leg));
        }
        return Optional.of(total);
    }

    /** Billed seconds of one leg: 0 unanswered or unfinished, else its duration rounded up. */
    public int billedSeconds(String carrier, LegUse leg) {
        CostProperties.Tariff tariff = properties.carriers().get(carrier);
        return tariff == null || !leg.answered() || leg.durationSeconds() == null ? 0
                : roundUp(leg.durationSeconds(), tariff.billingIncrement());
    }

    static BigDecimal legCost(CostProperties.Tariff tariff, LegUse leg) {
        if (!leg.answered() || leg.durationSeconds() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal perMinute = leg.inbound() ? tariff.inboundPerMinute() : tariff.outboundPerMinute();
        return perMinute.multiply(BigDecimal.valueOf(roundUp(leg.durationSeconds(), tariff.billingIncrement())))
                .divide(SIXTY, 6, RoundingMode.HALF_UP);
    }

    /** {@code seconds} rounded up to a whole number of increments; 0 stays 0. */
    static int roundUp(int seconds, Duration increment) {
        long step = Math.max(1, increment.toSeconds());
        if (seconds <= 0) {
            return 0;
        }
        return (int) (((seconds + step - 1) / step) * step);
    }
}
