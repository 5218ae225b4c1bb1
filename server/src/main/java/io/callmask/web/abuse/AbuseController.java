package io.callmask.web.abuse;

import io.callmask.core.abuse.AbuseReview;
import io.callmask.core.abuse.Alert;
import io.callmask.core.abuse.Alerts;
import io.callmask.core.abuse.Blocks;
import io.callmask.core.abuse.Rule;
import io.callmask.core.Caller;
import io.callmask.core.Ids;
import io.callmask.web.Problem;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Abuse alerts for the platform and operators ({@code GET /v1/alerts}), and a retailer's block for
 * operators ({@code GET} and {@code DELETE /v1/retailers/{id}/block}).
 */
@RestController
@Validated
class AbuseController {

    private final Alerts alerts;
    private final Blocks blocks;
    private final AbuseReview review;
    private final Clock clock;

    AbuseController(Alerts alerts, Blocks blocks, AbuseReview review, Clock clock) {
        this.alerts = alerts;
        this.blocks = blocks;
        this.review = review;
        this.clock = clock;
    }

    /** Whether the retailer is blocked now; {@code blockedUntil}, {@code rule} and {@code alertId} when it is. */
    record BlockView(String retailerId, boolean blocked, Instant blockedUntil, String rule, Long alertId) {}

    /** Newest first. {@code since} is an ISO-8601 instant such as {@code 2026-11-25T06:00:00Z}. */
    @GetMapping("/v1/alerts")
    List<Alert> alerts(@Parameter(hidden = true) Caller caller,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String retailerId,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (!caller.isTrusted()) {
            throw new Problem(403, "forbidden", "Forbidden", "Abuse alerts are for the platform and operators.");
        }
        Rule wanted = rule == null ? null : Rule.fromWire(rule).orElseThrow(() ->
                Problem.badRequest("invalid-rule", "'rule' must be one of: " + Rule.allowed() + "."));
        return alerts.recent(blankToNull(retailerId), wanted, instant(since), limit);
    }

    @GetMapping("/v1/retailers/{id}/block")
    BlockView block(@Parameter(hidden = true) Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String id) {
        requireOperator(caller);
        return blocks.active(id, clock.instant())
                .map(b -> new BlockView(id, true, b.blockedUntil(), b.rule(), b.alertId()))
                .orElse(new BlockView(id, false, null, null, null));
    }

    /** Lifts the block at once (204 whether or not there was one); the alerts stay. */
    @DeleteMapping("/v1/retailers/{id}/block")
    ResponseEntity<Void> unblock(@Parameter(hidden = true) Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String id) {
        requireOperator(caller);
        review.unblock(id, caller);
        return ResponseEntity.noContent().build();
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new Problem(403, "operator-only", "Operators only",
                    "Only an operator key may read or lift a retailer's block.");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-since",
                    "'since' must be an ISO-8601 instant such as 2026-11-25T06:00:00Z.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
