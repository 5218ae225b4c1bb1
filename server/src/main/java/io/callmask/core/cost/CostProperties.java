package io.callmask.core.cost;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.costs.*}: what each carrier charges, in one currency, an optional monthly
 * budget the month's projected spend is checked against (on read and every
 * {@code budgetCheckInterval}, once per cluster), and the time zone whose days and months reports
 * use.
 */
@Validated
@ConfigurationProperties("callmask.costs")
public record CostProperties(@NotBlank String currency, Map<String, @Valid Tariff> carriers,
        @PositiveOrZero BigDecimal monthlyBudget, ZoneId timeZone, Duration budgetCheckInterval) {

    /** The reporting zone when none is configured: the market the default price table is for. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");

    public CostProperties {
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
        budgetCheckInterval = budgetCheckInterval == null ? Duration.ofHours(1) : budgetCheckInterval;
        if (budgetCheckInterval.isNegative() || budgetCheckInterval.isZero()) {
            throw new IllegalArgumentException("callmask.costs.budget-check-interval must be positive");
        }
    }

    /** One carrier's prices: per started billing increment of a leg, and per rented number per month. */
    public record Tariff(@NotNull @PositiveOrZero BigDecimal outboundPerMinute,
            @NotNull @PositiveOrZero BigDecimal inboundPerMinute, @NotNull @PositiveOrZero BigDecimal numberMonthlyRent,
            @NotNull Duration billingIncrement) {}
}
