package io.callmask.abuse;

import io.callmask.web.Problem;
import java.time.Duration;
import java.util.Map;

/** A call the abuse rules refuse before anything is written: 403, with {@code Retry-After}. */
class CallRefused extends Problem {

    private final Duration retryAfter;

    CallRefused(String slug, String title, String detail, Duration retryAfter, Map<String, Object> properties) {
        super(403, slug, title, detail, properties);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
