package io.callmask.core.retention;

import java.time.Instant;

/**
 * One kind of personal data the retention job purges (real numbers, recordings). The job runs
 * every step once per cluster on its schedule; a step must be idempotent and work in batches.
 */
public interface RetentionStep {

    /** A short name for logs and metrics, e.g. {@code numbers} or {@code recordings}. */
    String name();

    /**
     * Purges what belongs to sessions that ended before {@code endedBefore}.
     *
     * @return how many items were purged
     */
    int purge(Instant endedBefore);
}
