package io.callmask.cost;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.costs.*}: what each carrier charges, in one currency, and an optional monthly
 * budget the month's projected spend is checked against.
 */
@Validated
@ConfigurationProperties("callmask.costs")
public record CostProperties(@NotBlank String currency, Map<String, @Valid Tariff> carriers,
        @PositiveOrZero BigDecimal monthlyBudget) {

    public CostProperties {
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
    }

    /** One carrier's prices: per started billing increment of a leg, and per rented number per month. */
    public record Tariff(@NotNull @PositiveOrZero BigDecimal outboundPerMinute,
            @NotNull @PositiveOrZero BigDecimal inboundPerMinute, @NotNull @PositiveOrZero BigDecimal numberMonthlyRent,
            @NotNull Duration billingIncrement) {}
}
