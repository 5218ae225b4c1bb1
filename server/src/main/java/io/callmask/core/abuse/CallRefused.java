package io.callmask.core.abuse;

import io.callmask.core.Refusal;
import java.time.Duration;
import java.util.Map;

/** A call the abuse rules refuse before anything is written: forbidden, with when to try again. */
class CallRefused extends Refusal {

    CallRefused(String slug, String title, String detail, Duration retryAfter, Map<String, Object> properties) {
        super(Kind.FORBIDDEN, slug, title, detail, properties, wholeSeconds(retryAfter));
    }

    /** Whole seconds, at least one. */
    private static long wholeSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
