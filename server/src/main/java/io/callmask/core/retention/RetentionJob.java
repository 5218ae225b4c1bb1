package io.callmask.core.retention;

import io.callmask.core.storage.ClusterOnce;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RetentionStep} on its schedule, once per cluster: each instance's schedule
 * fires, and the one that takes the {@code retention} row of the ShedLock table (database time,
 * so instances' clocks do not matter) runs the steps; the others skip. The lock is held for at
 * least nine tenths of the interval, so the cluster runs the job about once per interval however
 * many instances there are. Steps are idempotent, so a run that outlives its lock does no harm.
 */
@Component
public class RetentionJob {

    static final String LOCK_NAME = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<RetentionStep> steps;
    private final RetentionProperties properties;
    private final ClusterOnce clusterOnce;
    private final Clock clock;

    private final io.micrometer.core.instrument.MeterRegistry registry;

    RetentionJob(List<RetentionStep> steps, RetentionProperties properties, ClusterOnce clusterOnce, Clock clock,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.registry = registry;
        timer("ok");
        timer("failed");
        this.steps = steps;
        this.properties = properties;
        this.clock = clock;
        this.clusterOnce = clusterOnce;
    }

    @Scheduled(fixedDelayString = "${callmask.retention.interval}", initialDelayString = "${callmask.retention.interval}")
    void scheduled() {
        runOnce();
    }

    /**
     * Runs the steps unless another instance holds the lock; returns what each step purged, or
     * empty when this instance did not run them.
     */
    public Optional<Map<String, Integer>> runOnce() {
        return clusterOnce.run(LOCK_NAME, properties.interval(), this::purge);
    }

    /** Timed as {@code callmask.retention.runs} by outcome (ok, failed): only runs this instance made. */
    private Map<String, Integer> purge() {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            Map<String, Integer> purged = purgeSteps();
            outcome = "ok";
            return purged;
        } finally {
            timer(outcome).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private io.micrometer.core.instrument.Timer timer(String outcome) {
        return io.micrometer.core.instrument.Timer.builder("callmask.retention.runs")
                .description("Retention purges this instance ran").tag("outcome", outcome).register(registry);
    }

    private Map<String, Integer> purgeSteps() {
        Instant endedBefore = clock.instant().minus(properties.after());
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (RetentionStep step : steps) {
            purged.put(step.name(), step.purge(endedBefore));
        }
        log.info("Retention: purged {} (sessions ended before {})", purged, endedBefore);
        return purged;
    }
}
