package io.callmask.tools.replay;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One pass over a trace's open and close events in time order, counting open sessions, open
 * parties and each party's open sessions. Sessions occupy {@code [open, close)}: at equal times
 * closes go first, so a session closing at t and one opening at t never overlap.
 *
 * @param peakSessions  most sessions open at one moment
 * @param peakParties   most distinct numbers with an open session at one moment
 * @param peakPerParty  for each party id, most sessions it had open at one moment
 */
record OpenSessionSweep(int peakSessions, int peakParties, int[] peakPerParty) {

    /**
     * Runs the sweep. Row {@code r} opens at {@code openS[r]}, closes at {@code closeS[r]} and
     * involves the two different parties {@code retailerId[r]} and {@code customerId[r]}.
     */
    static OpenSessionSweep run(long[] openS, long[] closeS, int[] retailerId, int[] customerId, int parties) {
        int[] opens = orderByTime(openS);
        int[] closes = orderByTime(closeS);
        int[] open = new int[parties];
        int[] peak = new int[parties];
        int sessions = 0;
        int partiesOpen = 0;
        int peakSessions = 0;
        int peakParties = 0;
        int next = 0;
        for (int row : opens) {
            while (closeS[closes[next]] <= openS[row]) {
                int closing = closes[next++];
                sessions--;
                partiesOpen -= leave(open, retailerId[closing]) + leave(open, customerId[closing]);
            }
            sessions++;
            partiesOpen += enter(open, peak, retailerId[row]) + enter(open, peak, customerId[row]);
            peakSessions = Math.max(peakSessions, sessions);
            peakParties = Math.max(peakParties, partiesOpen);
        }
        return new OpenSessionSweep(peakSessions, peakParties, peak);
    }

    /** Returns 1 when the party goes from no open session to one. */
    private static int enter(int[] open, int[] peak, int party) {
        int now = ++open[party];
        peak[party] = Math.max(peak[party], now);
        return now == 1 ? 1 : 0;
    }

    /** Returns 1 when the party's last open session closes. */
    private static int leave(int[] open, int party) {
        return --open[party] == 0 ? 1 : 0;
    }

    /** Row indices sorted by time. */
    private static int[] orderByTime(long[] times) {
        boolean packable = Arrays.stream(times).allMatch(t -> t < (1L << 31));
        if (!packable) {
            return IntStream.range(0, times.length).boxed()
                    .sorted(Comparator.comparingLong(row -> times[row])).mapToInt(Integer::intValue).toArray();
        }
        // The common case, sorted as primitives: (time, row) packed into one long, time in the high half.
        long[] keys = new long[times.length];
        for (int row = 0; row < times.length; row++) {
            keys[row] = times[row] << 32 | row;
        }
        Arrays.sort(keys);
        int[] rows = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            rows[k] = (int) keys[k];
        }
        return rows;
    }
}
