package io.callmask.tools;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until it is set: the replay's clock (the moment of the trace it has
 * reached), and the clock of tests that need exact instants. A thread may also see a moment of its
 * own ({@link #at}): the concurrent replay runs each party's events at their own times.
 */
public final class SimulatedClock extends Clock {

    private volatile Instant now;
    private final ThreadLocal<Instant> own = new ThreadLocal<>();

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Runs {@code work} on this thread with the clock at {@code instant}, for this thread only. */
    public <T> T at(Instant instant, java.util.function.Supplier<T> work) {
        own.set(instant);
        try {
            return work.get();
        } finally {
            own.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant mine = own.get();
        return mine != null ? mine : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
