package io.callmask.web.directory;

import io.callmask.core.directory.Retailers;
import io.callmask.core.Caller;
import io.callmask.core.Ids;
import io.callmask.web.Problem;
import io.callmask.web.RetailerTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/retailer-tokens}: the platform's backend gets a short-lived token for one of its
 * retailers and hands it to that retailer's browser. Never a retailer itself.
 */
@RestController
class RetailerTokenController {

    private static final long DEFAULT_TTL_SECONDS = 900;

    private final Retailers retailers;
    private final RetailerTokens tokens;

    RetailerTokenController(Retailers retailers, RetailerTokens tokens) {
        this.retailers = retailers;
        this.tokens = tokens;
    }

    record Body(@NotBlank @Pattern(regexp = Ids.PATTERN) String retailerId, @Positive Long ttlSeconds) {}

    record Result(String token, Instant expiresAt) {}

    @PostMapping("/v1/retailer-tokens")
    ResponseEntity<Result> issue(@Valid @RequestBody Body body, Caller caller) {
        if (!caller.isTrusted()) {
            throw new Problem(403, "forbidden", "Forbidden", "Only the platform or an operator may issue tokens.");
        }
        Duration ttl = Duration.ofSeconds(body.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : body.ttlSeconds());
        if (ttl.compareTo(tokens.maxTtl()) > 0) {
            throw Problem.badRequest("invalid-request",
                    "'ttlSeconds' may be at most " + tokens.maxTtl().toSeconds() + " (callmask.tokens.max-ttl).");
        }
        if (retailers.find(body.retailerId()).isEmpty()) {
            throw Problem.notFound("retailer", body.retailerId());
        }
        var issued = tokens.issue(body.retailerId(), ttl);
        return ResponseEntity.status(201).body(new Result(issued.token(), issued.expiresAt()));
    }
}
