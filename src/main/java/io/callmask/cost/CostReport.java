package io.callmask.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /v1/costs}. Amounts are in {@code currency}, with two decimals. */
record CostReport(String currency, LocalDate from, LocalDate to, Instant asOf, Money total, Money callSpend,
        long callCount, Money costPerCall, BigDecimal billedMinutes, NumberRent numberRent, List<Day> days,
        List<RetailerSpend> retailers, MonthToDate monthToDate, boolean budgetExceededProjected) {

    /** Rented numbers times their monthly rent, prorated by day for the period. */
    record NumberRent(int numbers, Money monthly, Money period) {}

    record Day(LocalDate date, Money amount, long calls) {}

    /** {@code retailerId} is null for calls of sessions without a retailer party. */
    record RetailerSpend(String retailerId, Money amount, long calls) {}

    /**
     * The month of {@code asOf} so far: call spend plus rent to date, and the month's projection
     * (call spend extended linearly to the month's end, plus the whole month's rent).
     */
    record MonthToDate(String month, Money callSpend, Money spend, Money projected, Money budget, boolean budgetExceededProjected) {}
}
