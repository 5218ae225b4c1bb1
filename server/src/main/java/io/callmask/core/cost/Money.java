package io.callmask.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in a currency, shown with two decimals. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }
}
