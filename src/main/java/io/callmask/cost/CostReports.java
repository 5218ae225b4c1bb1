package io.callmask.cost;

import io.callmask.event.Events;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Spend over a period, computed from the calls' legs with the current price table (costs are
 * priced on read, never stored), plus number rent; days and months are UTC.
 */
@Service
class CostReports {

    static final String BUDGET_EVENT = "cost.budget-projected-over";

    private final CostLedger ledger;
    private final Pricing pricing;
    private final CostProperties properties;
    private final Events events;
    private final Clock clock;

    CostReports(CostLedger ledger, Pricing pricing, CostProperties properties, Events events, Clock clock) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** {@code from} and {@code to} are whole UTC days, both included. */
    CostReport report(LocalDate from, LocalDate to, int top) {
        Instant now = clock.instant();
        String currency = properties.currency();
        Spend period = spend(start(from), start(to.plusDays(1)));

        Map<LocalDate, BigDecimal> dayAmounts = new TreeMap<>();
        Map<LocalDate, Long> dayCalls = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dayAmounts.put(d, BigDecimal.ZERO);
            dayCalls.put(d, 0L);
        }
        Map<String, BigDecimal> retailerAmounts = new LinkedHashMap<>();
        Map<String, Long> retailerCalls = new LinkedHashMap<>();
        for (Priced p : period.calls) {
            LocalDate day = LocalDate.ofInstant(p.call.createdAt(), ZoneOffset.UTC);
            dayAmounts.merge(day, p.amount, BigDecimal::add);
            dayCalls.merge(day, 1L, Long::sum);
            String retailer = p.call.retailerId() == null ? "" : p.call.retailerId();
            retailerAmounts.merge(retailer, p.amount, BigDecimal::add);
            retailerCalls.merge(retailer, 1L, Long::sum);
        }
        List<CostReport.Day> days = new ArrayList<>();
        dayAmounts.forEach((d, a) -> days.add(new CostReport.Day(d, money(a), dayCalls.get(d))));
        List<CostReport.RetailerSpend> retailers = retailerAmounts.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new CostReport.RetailerSpend(e.getKey().isEmpty() ? null : e.getKey(), money(e.getValue()),
                        retailerCalls.get(e.getKey())))
                .toList();

        BigDecimal monthlyRent = monthlyRent();
        BigDecimal periodRent = BigDecimal.ZERO;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            periodRent = periodRent.add(monthlyRent.divide(BigDecimal.valueOf(d.lengthOfMonth()), 6,
                    RoundingMode.HALF_UP));
        }
        int numbers = ledger.rentedNumbers().values().stream().mapToInt(Integer::intValue).sum();

        CostReport.MonthToDate month = monthToDate(now, monthlyRent);
        Money costPerCall = money(period.calls.isEmpty() ? BigDecimal.ZERO
                : period.amount.divide(BigDecimal.valueOf(period.calls.size()), 6, RoundingMode.HALF_UP));
        return new CostReport(currency, from, to, now, money(period.amount.add(periodRent)), money(period.amount),
                period.calls.size(), costPerCall,
                BigDecimal.valueOf(period.billedSeconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                new CostReport.NumberRent(numbers, money(monthlyRent), money(periodRent)), days, retailers, month,
                month.budgetExceededProjected());
    }

    /**
     * The month of {@code now}: projected = call spend so far / elapsed share of the month + the
     * month's rent. Passing the budget records {@value #BUDGET_EVENT} once per month.
     */
    private CostReport.MonthToDate monthToDate(Instant now, BigDecimal monthlyRent) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant start = start(month.atDay(1));
        Instant end = start(month.plusMonths(1).atDay(1));
        Spend sofar = spend(start, now.plusNanos(1));
        BigDecimal elapsed = BigDecimal.valueOf(Math.max(1, Duration.between(start, now).toMillis()));
        BigDecimal length = BigDecimal.valueOf(Duration.between(start, end).toMillis());
        BigDecimal rentSoFar = monthlyRent.multiply(elapsed).divide(length, 6, RoundingMode.HALF_UP);
        BigDecimal projected = sofar.amount.multiply(length).divide(elapsed, 6, RoundingMode.HALF_UP).add(monthlyRent);
        BigDecimal budget = properties.monthlyBudget();
        boolean over = budget != null && money(projected).amount().compareTo(budget) > 0;
        if (over && ledger.markBudgetAlert(month, now)) {
            // No figures in events: the amounts are in GET /v1/costs for those allowed to see them.
            events.record(BUDGET_EVENT, null, null, "this month's projected spend is over the monthly budget");
        }
        return new CostReport.MonthToDate(month.toString(), money(sofar.amount), money(sofar.amount.add(rentSoFar)), money(projected),
                budget == null ? null : money(budget), over);
    }

    private BigDecimal monthlyRent() {
        BigDecimal rent = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> e : ledger.rentedNumbers().entrySet()) {
            CostProperties.Tariff tariff = properties.carriers().get(e.getKey());
            if (tariff != null) {
                rent = rent.add(tariff.numberMonthlyRent().multiply(BigDecimal.valueOf(e.getValue())));
            }
        }
        return rent;
    }

    private record Priced(CostLedger.BilledCall call, BigDecimal amount) {}

    private record Spend(List<Priced> calls, BigDecimal amount, long billedSeconds) {}

    private Spend spend(Instant from, Instant to) {
        List<Priced> priced = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long seconds = 0;
        for (CostLedger.BilledCall call : ledger.calls(from, to)) {
            BigDecimal amount = pricing.exact(call.carrier(), call.legs()).orElse(BigDecimal.ZERO);
            for (LegUse leg : call.legs()) {
                seconds += pricing.billedSeconds(call.carrier(), leg);
            }
            priced.add(new Priced(call, amount));
            total = total.add(amount);
        }
        priced.sort(Comparator.comparing(p -> p.call.createdAt()));
        return new Spend(priced, total, seconds);
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, properties.currency());
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
