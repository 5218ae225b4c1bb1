package io.callmask.core.policy;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes bucket rows that are full again: they hold nothing a new bucket would not, and keys of
 * customers who are no longer called should not stay. Every instance may run it; the deletes skip
 * or wait for locked rows, so each row goes once.
 */
@Component
class RateLimitCleanup {

    private static final int BATCH = 1000;

    private final ProxyManager<String> buckets;

    RateLimitCleanup(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        if (buckets instanceof ExpiredEntriesCleaner cleaner) {
            while (cleaner.removeExpired(BATCH) == BATCH) {
                // more to delete
            }
        }
    }
}
