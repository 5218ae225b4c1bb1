package io.callmask.tools;

import io.callmask.tools.replay.Trace;
import io.callmask.tools.replay.TraceRow;
import io.callmask.core.routing.DialInRouter;
import io.callmask.core.routing.RouteDecision;
import io.callmask.core.session.Party;
import io.callmask.core.session.PartyRequest;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Plays a trace through the real session service (allocator, database) on a simulated clock:
 * every row opens a session at {@code open_s} and closes it at {@code close_s}. At checkpoints
 * every open session's pairs are dialled in through the real router and must reach that session
 * from the right side; anything else is a misroute.
 *
 * <p>With a concurrency above one, events run on that many threads, each at its own moment of the
 * trace, but every real number's events still run one after another in trace order: an event waits
 * for the previous event of its retailer and of its customer. A session's masked numbers depend only
 * on its two parties' own sessions (the per-party rule, their cool-downs and order codes), so each
 * allocation sees what it would see in a serial replay, and the peaks are counted afterwards in
 * trace order. A checkpoint waits for every event before it, and no later event starts until it
 * is done.
 */
final class Replay {

    /** What the replay measured. {@code replayNanos} excludes the checkpoints. */
    record Result(int sessions, int peakOpen, int peakNumbersInUse, int peakOwnNumbersInUse, int hubsUsed,
            int checkpoints, long dialIns, int misroutes, long replayNanos) {}

    private final SessionService sessions;
    private final DialInRouter router;
    private final SimulatedClock clock;
    private final Instant start;
    private final int concurrency;
    private final Runnable upkeep;

    /**
     * @param upkeep the database's upkeep (statistics, dead rows); run, and timed with the replay, each time the
     *     events played double from 2,000 and then every 16,000, as autovacuum would on a growing database
     */
    Replay(SessionService sessions, DialInRouter router, SimulatedClock clock, Instant start, int concurrency,
            Runnable upkeep) {
        this.upkeep = upkeep;
        this.sessions = sessions;
        this.router = router;
        this.clock = clock;
        this.start = start;
        this.concurrency = concurrency;
    }

    Result run(Trace trace, int checkpoints) throws InterruptedException {
        List<TraceRow> rows = trace.rows();
        long[] events = events(rows);
        AtomicReferenceArray<Session> opened = new AtomicReferenceArray<>(rows.size());
        Map<Integer, Session> open = new HashMap<>();
        Map<String, Integer> inUse = new HashMap<>();
        Map<String, Boolean> hubNumbers = new HashMap<>();
        int peakOpen = 0;
        int peakInUse = 0;
        int peakOwn = 0;
        int done = 0;
        long dialIns = 0;
        int misroutes = 0;
        long checkNanos = 0;
        int every = Math.max(1, events.length / (checkpoints + 1));
        int upkeepAt = 2000;
        ExecutorService threads = concurrency > 1 ? Executors.newFixedThreadPool(concurrency) : null;
        long began = System.nanoTime();
        try {
            for (int from = 0; from < events.length; ) {
                // Up to the next checkpoint (one after every `every` events, at most `checkpoints` of them).
                int to = done < checkpoints ? Math.min(events.length, (from / every + 1) * every) : events.length;
                to = Math.min(to, Math.max(from + 1, upkeepAt));
                if (threads == null) {
                    for (int e = from; e < to; e++) {
                        play(rows, events[e], opened);
                    }
                } else {
                    playConcurrently(rows, events, from, to, opened, threads);
                }
                for (int e = from; e < to; e++) {
                    long event = events[e];
                    int row = row(event);
                    Session s = opened.get(row);
                    if ((event & 1) == 1) {
                        open.put(row, s);
                        for (Party p : s.parties()) {
                            inUse.merge(p.masked().e164(), 1, Integer::sum);
                            if (p.onHub()) {
                                hubNumbers.put(p.masked().e164(), true);
                            }
                        }
                        peakOpen = Math.max(peakOpen, open.size());
                        peakInUse = Math.max(peakInUse, inUse.size());
                        peakOwn = Math.max(peakOwn,
                                inUse.size() - (int) hubNumbers.keySet().stream().filter(inUse::containsKey).count());
                    } else {
                        open.remove(row);
                        for (Party p : s.parties()) {
                            inUse.computeIfPresent(p.masked().e164(), (k, v) -> v == 1 ? null : v - 1);
                        }
                    }
                }
                if (to == upkeepAt) {
                    upkeep.run();
                    upkeepAt = upkeepAt < 16_000 ? upkeepAt * 2 : upkeepAt + 16_000;
                }
                if (to % every == 0 && done < checkpoints) {
                    long t0 = System.nanoTime();
                    for (Session s : open.values()) {
                        for (Party p : s.parties()) {
                            dialIns++;
                            misroutes += reaches(s, p) ? 0 : 1;
                        }
                    }
                    done++;
                    checkNanos += System.nanoTime() - t0;
                }
                from = to;
            }
        } finally {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
        long replayNanos = System.nanoTime() - began - checkNanos;
        return new Result(rows.size(), peakOpen, peakInUse, peakOwn, hubNumbers.size(), done, dialIns, misroutes,
                replayNanos);
    }

    /** One open or close, at its moment of the trace (on this thread). */
    private void play(List<TraceRow> rows, long event, AtomicReferenceArray<Session> opened) {
        boolean opening = (event & 1) == 1;
        int row = row(event);
        TraceRow r = rows.get(row);
        clock.at(start.plusSeconds(opening ? r.openS() : r.closeS()), () -> {
            if (opening) {
                opened.set(row, sessions.open(r.reference(), List.of(
                        new PartyRequest("retailer", null, r.retailerNumber()),
                        new PartyRequest("customer", null, r.customerNumber())),
                        Duration.ofSeconds(r.lengthS() + 3600)).session());
            } else {
                sessions.close(opened.get(row).id());
            }
            return null;
        });
    }

    /**
     * Events {@code [from, to)} on the threads, each after the previous event of both its parties
     * (a close after its own open, too, since they share the parties); returns when all are done.
     */
    private void playConcurrently(List<TraceRow> rows, long[] events, int from, int to,
            AtomicReferenceArray<Session> opened, ExecutorService threads) throws InterruptedException {
        int n = to - from;
        int[][] next = new int[n][]; // the events that wait for this one
        AtomicInteger[] waitingFor = new AtomicInteger[n];
        Map<String, Integer> lastOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TraceRow r = rows.get(row(events[from + i]));
            int waits = 0;
            for (String party : new String[] {r.retailerNumber(), r.customerNumber()}) {
                Integer before = lastOf.put(party, i);
                if (before != null) {
                    next[before] = next[before] == null ? new int[] {i} : append(next[before], i);
                    waits++;
                }
            }
            waitingFor[i] = new AtomicInteger(waits);
        }
        CountDownLatch finished = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        class Step implements Runnable {
            private final int i;

            Step(int i) {
                this.i = i;
            }

            @Override
            public void run() {
                try {
                    play(rows, events[from + i], opened);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    while (finished.getCount() > 0) {
                        finished.countDown();
                    }
                    return;
                }
                if (next[i] != null) {
                    for (int j : next[i]) {
                        if (waitingFor[j].decrementAndGet() == 0) {
                            threads.execute(new Step(j));
                        }
                    }
                }
                finished.countDown();
            }
        }
        // Which events wait for none, decided before any runs: a running one counts its followers down to 0.
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (waitingFor[i].get() == 0) {
                ready.add(i);
            }
        }
        ready.forEach(i -> threads.execute(new Step(i)));
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("the replay failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** The trace row of an event from {@link #events}. */
    private static int row(long event) {
        return (int) ((event >>> 1) & 0xFFFFFFFFL);
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** Whether this party dialling its masked number (and its order code at a hub's menu) reaches this session. */
    private boolean reaches(Session session, Party party) {
        RouteDecision decision = router.route(party.real(), party.masked());
        if (decision instanceof RouteDecision.Menu) {
            decision = router.routeCode(party.real(), party.masked(), session.orderCode(), 1);
        }
        return decision instanceof RouteDecision.Bridge bridge && bridge.session().id().equals(session.id())
                && bridge.caller().position() == party.position();
    }

    /**
     * Every open and close as one sortable long: time, then closes before opens at the same second
     * (a session occupies [open, close)), then the row.
     */
    private static long[] events(List<TraceRow> rows) {
        long[][] pairs = new long[rows.size() * 2][];
        for (int i = 0; i < rows.size(); i++) {
            pairs[2 * i] = new long[] {rows.get(i).openS(), 1, i};
            pairs[2 * i + 1] = new long[] {rows.get(i).closeS(), 0, i};
        }
        Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        long[] events = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            events[i] = (pairs[i][2] << 1) | pairs[i][1];
        }
        return events;
    }

    /** The replay's hub: a platform number outside the pool's block. */
    static String hubNumber() {
        return String.format("+91804717%04d", 0);
    }

    /** The replay's pool: platform numbers +91 80 4718 0000 upwards. */
    static List<String> poolNumbers(int size) {
        List<String> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(String.format("+91804718%04d", i));
        }
        return numbers;
    }
}
