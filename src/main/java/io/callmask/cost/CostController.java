package io.callmask.cost;

import io.callmask.web.Caller;
import io.callmask.web.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/costs?from=&to=&top=}: spend for platform and operator keys; retailers get 403. */
@RestController
class CostController {

    private static final int MAX_DAYS = 366;
    private static final int MAX_TOP = 100;

    private final CostReports reports;

    CostController(CostReports reports) {
        this.reports = reports;
    }

    /** {@code from}, {@code to}: UTC days such as {@code 2026-11-01}, both included; default month to date. */
    @GetMapping("/v1/costs")
    CostReport costs(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "10") int top) {
        if (!caller.isTrusted()) {
            throw new Problem(403, "forbidden", "Forbidden", "A retailer token may not read costs.");
        }
        if (top < 1 || top > MAX_TOP) {
            throw Problem.badRequest("invalid-top", "'top' must be between 1 and " + MAX_TOP + ".");
        }
        LocalDate today = reports.today();
        LocalDate end = day("to", to, today);
        LocalDate start = day("from", from, end.withDayOfMonth(1));
        if (start.isAfter(end)) {
            throw Problem.badRequest("invalid-period", "'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Problem.badRequest("invalid-period", "A period may span at most " + MAX_DAYS + " days.");
        }
        return reports.report(start, end, top);
    }

    private static LocalDate day(String name, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-" + name, "'" + name + "' must be a date such as 2026-11-01.");
        }
    }
}
