package io.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.cost.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AnalyticsViewTest {

    @Test
    void ratesHaveOneDecimalAndADashWithoutCalls() {
        assertThat(AnalyticsView.rate(4, 5)).isEqualTo("80.0%");
        assertThat(AnalyticsView.rate(2, 3)).isEqualTo("66.7%");
        assertThat(AnalyticsView.rate(0, 0)).isEqualTo("–");
    }

    @Test
    void minutesFromSecondsRoundHalfUp() {
        assertThat(AnalyticsView.minutes(0)).isEqualTo("0.0");
        assertThat(AnalyticsView.minutes(93)).isEqualTo("1.6");
        assertThat(AnalyticsView.minutes(47.5)).isEqualTo("0.8");
    }

    @Test
    void moneyHasTheCurrencyAndGrouping() {
        assertThat(AnalyticsView.money(new Money(new BigDecimal("8452.355"), "INR"))).isEqualTo("INR 8,452.36");
        assertThat(AnalyticsView.money(new Money(BigDecimal.ZERO, "USD"))).isEqualTo("USD 0.00");
    }
}
