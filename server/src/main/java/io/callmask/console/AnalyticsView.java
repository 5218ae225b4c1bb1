package io.callmask.console;

import io.callmask.core.cost.CostReport;
import io.callmask.core.cost.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A {@link CostReport} as the analytics page shows it: every figure already formatted, so the
 * template only places them. Minutes are talk minutes (callee legs), one decimal; rates one decimal.
 */
record AnalyticsView(String from, String to, boolean empty, long calls, String answerRate, String totalMinutes,
        String averageMinutes, String totalCost, String callSpend, String rent, String costPerCall,
        String billedMinutes, String month, String monthSpend, String projected, String budget, boolean overBudget,
        String alertedAt, List<Retailer> retailers) {

    /** One row of the top-retailers table; {@code label} is the directory's name, else the id. */
    record Retailer(String label, String id, long calls, String answerRate, String minutes, String cost) {}

    /** A quick choice of period: the last {@code days} days, today included. */
    record Preset(String label, String from, String to) {}

    static List<Preset> presets(LocalDate today) {
        return List.of(new Preset("Last 7 days", today.minusDays(6).toString(), today.toString()),
                new Preset("Last 30 days", today.minusDays(29).toString(), today.toString()));
    }

    static AnalyticsView of(CostReport r, LocalDate today) {
        CostReport.MonthToDate m = r.monthToDate();
        List<Retailer> retailers = r.retailers().stream()
                .map(s -> new Retailer(s.name() != null ? s.name() : s.retailerId() != null ? s.retailerId()
                        : "(no retailer)", s.retailerId(), s.calls(), rate(s.answered(), s.calls()),
                        minutes(s.talkSeconds()), money(s.amount())))
                .toList();
        String alerted = m.alertedAt() == null ? null
                : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                        .format(m.alertedAt().atZone(ZoneId.of(r.timeZone())));
        return new AnalyticsView(r.from().toString(), r.to().toString(), r.callCount() == 0, r.callCount(),
                rate(r.answeredCalls(), r.callCount()), minutes(r.talkSeconds()),
                r.answeredCalls() == 0 ? "–" : minutes(r.talkSeconds() / (double) r.answeredCalls()),
                money(r.total()), money(r.callSpend()), money(r.numberRent().period()), money(r.costPerCall()),
                r.billedMinutes().stripTrailingZeros().toPlainString(), m.month(), money(m.spend()),
                money(m.projected()), m.budget() == null ? null : money(m.budget()), m.budgetExceededProjected(),
                alerted, retailers);
    }

    /** Answered share as {@code 66.7%}; a dash when there were no calls. */
    static String rate(long answered, long calls) {
        if (calls == 0) {
            return "–";
        }
        return BigDecimal.valueOf(answered * 100L).divide(BigDecimal.valueOf(calls), 1, RoundingMode.HALF_UP) + "%";
    }

    static String minutes(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(Money m) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return m.currency() + " " + format.format(m.amount());
    }
}
