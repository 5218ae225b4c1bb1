package io.callmask.console;

import io.callmask.core.cost.CostPeriod;
import io.callmask.core.cost.CostReport;
import io.callmask.core.cost.CostReports;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's analytics: calls, answer rate, minutes and cost over a period, against the monthly
 * budget. The figures are {@link CostReports}' (those of {@code GET /v1/costs}), so the page and
 * the API never disagree; the charts read the same report as JSON from {@code /console/analytics/data}.
 */
@Controller
class AnalyticsController {

    /** The period shown when none is chosen: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;
    /** Retailers in the table and the chart. */
    static final int TOP = 10;

    private final CostReports reports;

    AnalyticsController(CostReports reports) {
        this.reports = reports;
    }

    @GetMapping("/console/analytics")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model, HttpServletResponse response) {
        LocalDate today = reports.today();
        model.addAttribute("page", "analytics");
        model.addAttribute("presets", AnalyticsView.presets(today));
        model.addAttribute("zone", reports.zone().getId());
        try {
            CostPeriod period = period(from, to, today);
            model.addAttribute("view", AnalyticsView.of(reports.report(period.from(), period.to(), TOP), today));
            model.addAttribute("from", period.from().toString());
            model.addAttribute("to", period.to().toString());
        } catch (CostPeriod.Invalid e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            // Echoed into the form (escaped) so the operator sees what was refused; bounded.
            model.addAttribute("from", shorten(from));
            model.addAttribute("to", shorten(to));
        }
        return "console/analytics";
    }

    /** The report behind the page, for its charts; a bad period is a 400 problem+json. */
    @GetMapping(path = "/console/analytics/data", produces = "application/json")
    @ResponseBody
    CostReport data(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        try {
            CostPeriod period = period(from, to, reports.today());
            return reports.report(period.from(), period.to(), TOP);
        } catch (CostPeriod.Invalid e) {
            throw Problem.badRequest(e.slug(), e.getMessage());
        }
    }

    private static CostPeriod period(String from, String to, LocalDate today) {
        return CostPeriod.parse(from, to, today, end -> end.minusDays(DEFAULT_DAYS - 1));
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) : text;
    }
}
