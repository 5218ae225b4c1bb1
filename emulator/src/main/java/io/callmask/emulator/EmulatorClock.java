package io.callmask.emulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulated time and the emulator's threads: a small scheduler for timers (ring timeouts, pauses, hang-ups) and a
 * bounded pool (64) for work that blocks on webhooks. Every delay is multiplied by {@code timeScale}.
 */
final class EmulatorClock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorClock.class);

    private final double timeScale;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("emulator-timer"));
    // Twilio delivers each call's webhooks on their own: a slow app must not queue one call's webhooks behind
    // another's, as a handful of workers would under a fault run's load (the threads mostly wait on HTTP)
    private final ExecutorService workers = Executors.newFixedThreadPool(64, daemon("emulator-worker"));

    EmulatorClock(double timeScale) {
        this.timeScale = timeScale;
    }

    double timeScale() {
        return timeScale;
    }

    /** Runs {@code task} on a worker after {@code emulatedSeconds}. */
    ScheduledFuture<?> after(double emulatedSeconds, Runnable task) {
        long delayMicros = Math.max(0, Math.round(emulatedSeconds * timeScale * 1_000_000));
        return timers.schedule(() -> work(task), delayMicros, TimeUnit.MICROSECONDS);
    }

    /** Runs {@code task} on a worker after {@code realMillis} of real time, whatever the time scale. */
    ScheduledFuture<?> afterMillis(long realMillis, Runnable task) {
        return timers.schedule(() -> work(task), realMillis, TimeUnit.MILLISECONDS);
    }

    void work(Runnable task) {
        if (workers.isShutdown()) {
            return;
        }
        workers.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Emulator task failed", e);
            }
        });
    }

    ExecutorService workers() {
        return workers;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
