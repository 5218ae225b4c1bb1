package io.callmask.web.audit;

import io.callmask.core.audit.AuditEntry;
import io.callmask.core.audit.AuditLog;
import io.callmask.core.Caller;
import io.callmask.web.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit?since=&limit=}: the audit trail, for operators only. */
@RestController
class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    /** Newest first; {@code since} is an ISO-8601 instant such as {@code 2026-11-25T06:00:00Z}. */
    @GetMapping("/v1/audit")
    List<AuditEntry> list(Caller caller, @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit) {
        if (!caller.isOperator()) {
            throw new Problem(403, "operator-only", "Operators only", "Only an operator key may read the audit log.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("invalid-limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return log.since(parse(since), limit);
    }

    private static Instant parse(String since) {
        if (since == null || since.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-since", "'since' must be an ISO-8601 instant such as 2026-11-25T06:00:00Z.");
        }
    }
}
