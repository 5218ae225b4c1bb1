package io.callmask.web.cost;

import io.callmask.core.cost.CostPeriod;
import io.callmask.core.cost.CostReport;
import io.callmask.core.cost.CostReports;
import io.callmask.core.Caller;
import io.callmask.web.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/costs?from=&to=&top=}: spend for platform and operator keys; retailers get 403. */
@RestController
class CostController {

    private static final int MAX_TOP = 100;

    private final CostReports reports;

    CostController(CostReports reports) {
        this.reports = reports;
    }

    /**
     * {@code from}, {@code to}: days of {@code callmask.costs.time-zone} such as {@code 2026-11-01},
     * both included; default month to date.
     */
    @GetMapping("/v1/costs")
    CostReport costs(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "10") int top) {
        if (!caller.isTrusted()) {
            throw new Problem(403, "forbidden", "Forbidden", "A retailer token may not read costs.");
        }
        if (top < 1 || top > MAX_TOP) {
            throw Problem.badRequest("invalid-top", "'top' must be between 1 and " + MAX_TOP + ".");
        }
        CostPeriod period;
        try {
            period = CostPeriod.parse(from, to, reports.today(), end -> end.withDayOfMonth(1));
        } catch (CostPeriod.Invalid e) {
            throw Problem.badRequest(e.slug(), e.getMessage());
        }
        return reports.report(period.from(), period.to(), top);
    }
}
