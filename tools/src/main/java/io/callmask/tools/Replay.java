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

/**
 * Plays a trace through the real session service (allocator, database) on a simulated clock:
 * every row opens a session at {@code open_s} and closes it at {@code close_s}. At checkpoints
 * every open session's pairs are dialled in through the real router and must reach that session
 * from the right side; anything else is a misroute.
 */
final class Replay {

    /** What the replay measured. {@code replayNanos} excludes the checkpoints. */
    record Result(int sessions, int peakOpen, int peakNumbersInUse, int peakOwnNumbersInUse, int hubsUsed,
            int checkpoints, long dialIns, int misroutes, long replayNanos) {}

    private final SessionService sessions;
    private final DialInRouter router;
    private final SimulatedClock clock;
    private final Instant start;

    Replay(SessionService sessions, DialInRouter router, SimulatedClock clock, Instant start) {
        this.sessions = sessions;
        this.router = router;
        this.clock = clock;
        this.start = start;
    }

    Result run(Trace trace, int checkpoints) {
        List<TraceRow> rows = trace.rows();
        long[] events = events(rows);
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
        long began = System.nanoTime();
        for (int e = 0; e < events.length; e++) {
            long event = events[e];
            boolean opening = (event & 1) == 1;
            int row = (int) ((event >>> 1) & 0xFFFFFFFFL);
            TraceRow r = rows.get(row);
            clock.set(start.plusSeconds(opening ? r.openS() : r.closeS()));
            if (opening) {
                Session s = sessions.open(r.reference(), List.of(
                        new PartyRequest("retailer", null, r.retailerNumber()),
                        new PartyRequest("customer", null, r.customerNumber())),
                        Duration.ofSeconds(r.lengthS() + 3600)).session();
                open.put(row, s);
                for (Party p : s.parties()) {
                    inUse.merge(p.masked().e164(), 1, Integer::sum);
                    if (p.onHub()) {
                        hubNumbers.put(p.masked().e164(), true);
                    }
                }
                peakOpen = Math.max(peakOpen, open.size());
                peakInUse = Math.max(peakInUse, inUse.size());
                peakOwn = Math.max(peakOwn, inUse.size() - (int) hubNumbers.keySet().stream().filter(inUse::containsKey).count());
            } else {
                Session s = open.remove(row);
                sessions.close(s.id());
                for (Party p : s.parties()) {
                    inUse.computeIfPresent(p.masked().e164(), (k, v) -> v == 1 ? null : v - 1);
                }
            }
            if (checkpoints > 0 && (e + 1) % Math.max(1, events.length / (checkpoints + 1)) == 0 && done < checkpoints) {
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
        }
        long replayNanos = System.nanoTime() - began - checkNanos;
        return new Result(rows.size(), peakOpen, peakInUse, peakOwn, hubNumbers.size(), done, dialIns, misroutes,
                replayNanos);
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
