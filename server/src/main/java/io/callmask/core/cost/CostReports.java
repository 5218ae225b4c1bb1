package io.callmask.core.cost;

import io.callmask.core.event.Events;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Spend and call figures over a period, computed from the calls' legs with the current price table
 * (costs are priced on read, never stored), plus number rent. Days and months are those of
 * {@code callmask.costs.time-zone}. One pass over the period's calls fills every sum, so memory
 * grows with days and retailers, not with calls.
 */
@Service
public class CostReports {

    static final String BUDGET_EVENT = "cost.budget-projected-over";

    private final CostLedger ledger;
    private final Pricing pricing;
    private final CostProperties properties;
    private final Events events;
    private final Clock clock;

    /** The last projection over the budget this instance computed (NaN: none yet, or no budget). */
    private final java.util.concurrent.atomic.AtomicReference<Double> budgetRatio =
            new java.util.concurrent.atomic.AtomicReference<>(Double.NaN);

    CostReports(CostLedger ledger, Pricing pricing, CostProperties properties, Events events, Clock clock,
            io.micrometer.core.instrument.MeterRegistry registry) {
        if (properties.monthlyBudget() != null) {
            io.micrometer.core.instrument.Gauge.builder("callmask.cost.budget.projected.ratio", budgetRatio,
                            java.util.concurrent.atomic.AtomicReference::get)
                    .description("This month's projected spend over the monthly budget, as last computed here "
                            + "(the budget check, GET /v1/costs, the console)")
                    .register(registry);
        }
        this.ledger = ledger;
        this.pricing = pricing;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Today in the reporting zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public ZoneId zone() {
        return properties.timeZone();
    }

    /** {@code from} and {@code to} are whole days of the reporting zone, both included. */
    public CostReport report(LocalDate from, LocalDate to, int top) {
        Instant now = clock.instant();
        Tally period = new Tally();
        Map<LocalDate, Tally> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Tally());
        }
        Map<String, Tally> retailers = new HashMap<>();
        ledger.calls(start(from), start(to.plusDays(1)), zone(), call -> {
            BigDecimal amount = pricing.exact(call.carrier(), call.legs()).orElse(BigDecimal.ZERO);
            long billed = billedSeconds(call);
            period.add(amount, billed, call.answered(), call.talkSeconds());
            days.computeIfAbsent(call.day(), d -> new Tally()).add(amount, billed, call.answered(), call.talkSeconds());
            retailers.computeIfAbsent(call.retailerId() == null ? "" : call.retailerId(), r -> new Tally())
                    .add(amount, billed, call.answered(), call.talkSeconds());
        });

        List<CostReport.Day> dayList = new ArrayList<>();
        days.forEach((d, t) -> dayList.add(new CostReport.Day(d, money(t.amount), t.calls, t.answered, t.talkSeconds)));

        BigDecimal monthlyRent = monthlyRent();
        BigDecimal periodRent = BigDecimal.ZERO;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            periodRent = periodRent.add(monthlyRent.divide(BigDecimal.valueOf(d.lengthOfMonth()), 6,
                    RoundingMode.HALF_UP));
        }
        int numbers = ledger.rentedNumbers().values().stream().mapToInt(Integer::intValue).sum();

        CostReport.MonthToDate month = monthToDate(now, monthlyRent);
        Money costPerCall = money(period.calls == 0 ? BigDecimal.ZERO
                : period.amount.divide(BigDecimal.valueOf(period.calls), 6, RoundingMode.HALF_UP));
        return new CostReport(properties.currency(), zone().getId(), from, to, now,
                money(period.amount.add(periodRent)), money(period.amount), period.calls, period.answered,
                period.talkSeconds, costPerCall,
                BigDecimal.valueOf(period.billedSeconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                new CostReport.NumberRent(numbers, money(monthlyRent), money(periodRent)), dayList,
                topRetailers(retailers, top), month, month.budgetExceededProjected());
    }

    /**
     * Checks this month's projection against the budget (recording {@value #BUDGET_EVENT} the
     * first time it passes), as reading a report does; for the scheduled check.
     */
    public CostReport.MonthToDate checkBudget() {
        return monthToDate(clock.instant(), monthlyRent());
    }

    private List<CostReport.RetailerSpend> topRetailers(Map<String, Tally> retailers, int top) {
        List<Map.Entry<String, Tally>> ranked = retailers.entrySet().stream()
                .sorted((a, b) -> {
                    int byAmount = b.getValue().amount.compareTo(a.getValue().amount);
                    return byAmount != 0 ? byAmount : a.getKey().compareTo(b.getKey());
                })
                .limit(top)
                .toList();
        Map<String, String> names = ledger.retailerNames(ranked.stream().map(Map.Entry::getKey)
                .filter(id -> !id.isEmpty()).toList());
        return ranked.stream().map(e -> {
            Tally t = e.getValue();
            String id = e.getKey().isEmpty() ? null : e.getKey();
            return new CostReport.RetailerSpend(id, id == null ? null : names.get(id), money(t.amount), t.calls,
                    t.answered, t.talkSeconds);
        }).toList();
    }

    /**
     * The month of {@code now} in the reporting zone: projected = call spend so far / elapsed share
     * of the month + the month's rent. Passing the budget records {@value #BUDGET_EVENT} once per
     * month, whichever instance sees it first.
     */
    private CostReport.MonthToDate monthToDate(Instant now, BigDecimal monthlyRent) {
        YearMonth month = YearMonth.from(now.atZone(zone()));
        Instant start = start(month.atDay(1));
        Instant end = start(month.plusMonths(1).atDay(1));
        Tally sofar = new Tally();
        ledger.calls(start, now.plusNanos(1), zone(), call -> sofar.add(
                pricing.exact(call.carrier(), call.legs()).orElse(BigDecimal.ZERO), 0, false, 0));
        BigDecimal elapsed = BigDecimal.valueOf(Math.max(1, Duration.between(start, now).toMillis()));
        BigDecimal length = BigDecimal.valueOf(Duration.between(start, end).toMillis());
        BigDecimal rentSoFar = monthlyRent.multiply(elapsed).divide(length, 6, RoundingMode.HALF_UP);
        BigDecimal projected = sofar.amount.multiply(length).divide(elapsed, 6, RoundingMode.HALF_UP).add(monthlyRent);
        BigDecimal budget = properties.monthlyBudget();
        boolean over = budget != null && money(projected).amount().compareTo(budget) > 0;
        if (budget != null && budget.signum() > 0) {
            budgetRatio.set(projected.divide(budget, 6, RoundingMode.HALF_UP).doubleValue());
        }
        if (over && ledger.markBudgetAlert(month, now)) {
            // No figures in events: the amounts are in GET /v1/costs for those allowed to see them.
            events.record(BUDGET_EVENT, null, null, "this month's projected spend is over the monthly budget");
        }
        return new CostReport.MonthToDate(month.toString(), money(sofar.amount), money(sofar.amount.add(rentSoFar)),
                money(projected), budget == null ? null : money(budget), over,
                ledger.budgetAlert(month).orElse(null));
    }

    private long billedSeconds(CostLedger.BilledCall call) {
        long seconds = 0;
        for (LegUse leg : call.legs()) {
            seconds += pricing.billedSeconds(call.carrier(), leg);
        }
        return seconds;
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

    private Money money(BigDecimal amount) {
        return new Money(amount, properties.currency());
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }
}
