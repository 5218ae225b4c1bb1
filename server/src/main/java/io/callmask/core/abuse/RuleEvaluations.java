package io.callmask.core.abuse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs the rules that follow a call's start or end off the webhook's thread, so the carrier gets
 * its answer without waiting for them, and never drops one:
 * <ul>
 * <li>the queue is bounded; when it is full the request's thread runs the evaluation itself
 *     (back-pressure: slower webhooks rather than missed alerts);
 * <li>a rule evaluation for a key (rule, retailer, subject) that is already queued is not queued
 *     again: it reads the call log when it runs, so it counts every call of the requests that asked
 *     for it meanwhile. A key runs at most once per {@link #SPACING}: a retailer placing calls
 *     back to back has its rule evaluated once a second, not once per call, so a hit is recorded
 *     within about a second of the call that makes it, and the queue cannot fill with repeats;
 * <li>at shutdown (before the database goes: {@code @DependsOn}) everything queued still runs, for
 *     up to {@link #DRAIN}.
 * </ul>
 * Meters: {@code callmask.abuse.evaluations} by {@code ran} (background, caller, coalesced),
 * {@code callmask.abuse.evaluations.failed}, and the gauge {@code callmask.abuse.evaluations.queued}.
 */
@Component
@DependsOn("dataSource")
class RuleEvaluations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluations.class);

    static final int CAPACITY = 10_000;
    static final Duration DRAIN = Duration.ofSeconds(30);
    static final Duration SPACING = Duration.ofSeconds(1);

    private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, runnable -> {
        Thread thread = new Thread(runnable, "abuse-rules");
        thread.setDaemon(true);
        return thread;
    }, (task, executor) -> task.run()); // shut down: the caller runs it, never a drop
    /** The latest evaluation asked for per key, while it waits in the queue. */
    private final Map<String, Runnable> pending = new ConcurrentHashMap<>();
    /** When each key last started (System.nanoTime), for the spacing; entries older than it are dropped. */
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Counter background;
    private final Counter onCaller;
    private final Counter coalesced;
    private final Counter failed;

    RuleEvaluations(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        background = ran(registry, "background");
        onCaller = ran(registry, "caller");
        coalesced = ran(registry, "coalesced");
        failed = Counter.builder("callmask.abuse.evaluations.failed")
                .description("Abuse rule evaluations that failed (the next evaluation raises what they missed)")
                .register(registry);
        Gauge.builder("callmask.abuse.evaluations.queued", pool, p -> p.getQueue().size())
                .description("Abuse rule evaluations waiting to run").register(registry);
    }

    private static Counter ran(MeterRegistry registry, String how) {
        return Counter.builder("callmask.abuse.evaluations").tag("ran", how)
                .description("Abuse rule evaluations, by where they ran (coalesced: joined one already queued)")
                .register(registry);
    }

    /** Runs {@code evaluation} in the background ({@code what} names it in a warning). */
    void submit(String what, Runnable evaluation) {
        execute(what, io.callmask.core.call.CallContext.carry(evaluation), 0);
    }

    /**
     * Runs {@code evaluation} in the background unless one for {@code key} is still queued, in
     * which case this one replaces it (the later call names the alert) and runs in its place.
     */
    void coalesce(String what, String key, Runnable evaluation) {
        if (pending.put(key, io.callmask.core.call.CallContext.carry(evaluation)) != null) {
            coalesced.increment();
            return;
        }
        long now = System.nanoTime();
        Long last = started.get(key);
        long wait = last == null ? 0 : last + SPACING.toNanos() - now;
        execute(what, () -> {
            started.put(key, System.nanoTime());
            Runnable latest = pending.remove(key);
            if (latest != null) {
                latest.run();
            }
        }, Math.max(0, wait));
        if (started.size() > CAPACITY) {
            started.values().removeIf(at -> now - at > SPACING.toNanos());
        }
    }

    private void execute(String what, Runnable evaluation, long delayNanos) {
        Thread caller = Thread.currentThread();
        Runnable task = () -> {
            boolean onRequestThread = Thread.currentThread() == caller;
            (onRequestThread ? onCaller : background).increment();
            try {
                evaluation.run();
            } catch (RuntimeException e) {
                // The call record is already safe; an alert missed now is raised by the next evaluation.
                failed.increment();
                log.warn("Abuse rules could not be evaluated on {}: {}", what, e.getClass().getName());
            }
        };
        if (pool.getQueue().size() >= CAPACITY) {
            task.run(); // full: back-pressure on the request, never a drop
        } else {
            pool.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Lets everything queued run (new evaluations run on their caller), then stops. */
    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Abuse rule evaluations still queued after {} s at shutdown: {}", DRAIN.toSeconds(),
                    pool.getQueue().size());
        }
    }
}
