package io.callmask.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * {@code /console/calls}: the call history with filters, a page at a time; {@code /console/calls.csv}:
 * the same filtered calls as a CSV download. A bad filter answers 400 with the reason on the page.
 */
@Controller
class CallsController {

    static final int PAGE_SIZE = 25;
    /** An export bigger than this is cut; narrow the filters for the rest. */
    static final int CSV_MAX_ROWS = 100_000;

    private final CallHistory history;

    CallsController(CallHistory history) {
        this.history = history;
    }

    @GetMapping("/console/calls")
    String calls(@RequestParam(required = false) String retailer, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model) {
        CallFilter filter = CallFilter.parse(retailer, reference, status, from, to, page);
        long total = history.count(filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("page", "calls");
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CallFilter.statuses());
        model.addAttribute("rows", history.page(filter, (filter.page() - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("pages", pages);
        model.addAttribute("query", query(filter.parameters()));
        model.addAttribute("previous", filter.page() > 1 ? link(filter.withPage(filter.page() - 1)) : null);
        model.addAttribute("next", filter.page() < pages ? link(filter.withPage(filter.page() + 1)) : null);
        return "console/calls";
    }

    @GetMapping("/console/calls.csv")
    void csv(@RequestParam(required = false) String retailer, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        CallFilter filter = CallFilter.parse(retailer, reference, status, from, to, null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"callmask-calls.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(Csv.line(List.of("call_id", "created_at_utc", "status", "direction", "retailer_id", "order_reference",
                "caller_role", "caller_number", "caller_masked_number", "callee_role", "callee_number",
                "callee_masked_number", "duration_seconds", "cost", "failure_reason")));
        history.forEach(filter, CSV_MAX_ROWS, r -> {
            try {
                out.write(Csv.line(List.of(r.id(), r.createdAt().toString(), r.status(), r.direction(),
                        text(r.retailerId()), text(r.reference()), r.caller().role(), r.caller().redacted(),
                        r.caller().masked(), r.callee().role(), r.callee().redacted(), r.callee().masked(),
                        r.durationSeconds() == null ? "" : r.durationSeconds().toString(), r.cost(),
                        text(r.failureReason()))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** A filter the operator got wrong: the page again, with the reason, as 400. */
    @ExceptionHandler(CallFilter.Invalid.class)
    String invalid(CallFilter.Invalid e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("page", "calls");
        model.addAttribute("filter", CallFilter.NONE);
        model.addAttribute("statuses", CallFilter.statuses());
        model.addAttribute("rows", List.of());
        model.addAttribute("total", 0L);
        model.addAttribute("pages", 1);
        model.addAttribute("query", "");
        model.addAttribute("error", e.getMessage());
        return "console/calls";
    }

    private static String link(CallFilter filter) {
        String q = query(filter.parameters());
        return "/console/calls?" + (q.isEmpty() ? "" : q + "&") + "page=" + filter.page();
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
