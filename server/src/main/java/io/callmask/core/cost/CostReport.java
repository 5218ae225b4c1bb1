package io.callmask.core.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /v1/costs}, and the figures of the console's analytics. Amounts are in
 * {@code currency}, with two decimals; days and months are those of {@code timeZone}. A call is
 * answered when its callee picked up; {@code talkSeconds} adds up the callee legs' durations.
 */
public record CostReport(String currency, String timeZone, LocalDate from, LocalDate to, Instant asOf, Money total,
        Money callSpend, long callCount, long answeredCalls, long talkSeconds, Money costPerCall,
        BigDecimal billedMinutes, NumberRent numberRent, List<Day> days, List<RetailerSpend> retailers,
        MonthToDate monthToDate, boolean budgetExceededProjected) {

    /** Rented numbers times their monthly rent, prorated by day for the period. */
    public record NumberRent(int numbers, Money monthly, Money period) {}

    /** One day's calls; {@code amount} is their call spend (rent is not spread over days). */
    public record Day(LocalDate date, Money amount, long calls, long answered, long talkSeconds) {}

    /**
     * {@code retailerId} is null for calls of sessions without a retailer party; {@code name} is the
     * directory's name when the id is a known retailer.
     */
    public record RetailerSpend(String retailerId, String name, Money amount, long calls, long answered,
            long talkSeconds) {}

    /**
     * The month of {@code asOf} so far: call spend plus rent to date, and the month's projection
     * (call spend extended linearly to the month's end, plus the whole month's rent).
     * {@code alertedAt} is when the projection was first seen over the budget this month.
     */
    public record MonthToDate(String month, Money callSpend, Money spend, Money projected, Money budget,
            boolean budgetExceededProjected, Instant alertedAt) {}
}
