package io.callmask.tools.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trace demands of the pool, computed in one sweep over its open and close events
 * (O(n log n)). A session occupies {@code [open_s, close_s)}. A "party" is a real number; a number
 * is a retailer number if it is in the retailer column of some row, a customer number if it is in
 * the customer column, and its degree is the most sessions it has open at one moment, counting all
 * its rows whatever the role.
 * <ul>
 *   <li>{@link #perSessionRule()}: peak open sessions, the pool for "one number per session";</li>
 *   <li>{@link #perPartyRule()}: peak numbers with an open session, the pool for "a number for
 *       every party";</li>
 *   <li>{@link #lowerBound()}: Δ, the largest degree; no allocator keeping the routing invariant
 *       does with fewer masked numbers.</li>
 * </ul>
 * With a hub threshold T, a retailer whose degree exceeds T is served by a hub number instead;
 * customers never are. The threshold queries answer in O(log retailers).
 */
public final class TraceStats {

    private final int sessions;
    private final int perSessionRule;
    private final int perPartyRule;
    private final int lowerBound;
    private final int largestCustomerDegree;
    private final int largestRetailerDegree;
    private final int largestNonRetailerDegree;
    private final int customers;
    private final int[] retailerDegreesAscending;

    private TraceStats(List<TraceRow> rows) {
        int n = rows.size();
        long[] openS = new long[n];
        long[] closeS = new long[n];
        int[] retailerId = new int[n];
        int[] customerId = new int[n];
        Map<String, Integer> ids = new HashMap<>(n * 2);
        for (int r = 0; r < n; r++) {
            TraceRow row = rows.get(r);
            openS[r] = row.openS();
            closeS[r] = row.closeS();
            retailerId[r] = ids.computeIfAbsent(row.retailerNumber(), number -> ids.size());
            customerId[r] = ids.computeIfAbsent(row.customerNumber(), number -> ids.size());
        }
        var sweep = OpenSessionSweep.run(openS, closeS, retailerId, customerId, ids.size());
        int[] degree = sweep.peakPerParty();
        boolean[] isRetailer = mark(retailerId, ids.size());
        boolean[] isCustomer = mark(customerId, ids.size());

        sessions = n;
        perSessionRule = sweep.peakSessions();
        perPartyRule = sweep.peakParties();
        lowerBound = Arrays.stream(degree).max().orElse(0);
        largestCustomerDegree = maxWhere(degree, isCustomer, true);
        largestRetailerDegree = maxWhere(degree, isRetailer, true);
        largestNonRetailerDegree = maxWhere(degree, isRetailer, false);
        customers = count(isCustomer);
        retailerDegreesAscending = new int[count(isRetailer)];
        for (int id = 0, k = 0; id < degree.length; id++) {
            if (isRetailer[id]) {
                retailerDegreesAscending[k++] = degree[id];
            }
        }
        Arrays.sort(retailerDegreesAscending);
    }

    /** Computes the statistics of a trace. */
    public static TraceStats of(Trace trace) {
        return of(trace.rows());
    }

    /** Computes the statistics of rows in any order. */
    public static TraceStats of(List<TraceRow> rows) {
        return new TraceStats(rows);
    }

    /** Rows in the trace. */
    public int sessions() {
        return sessions;
    }

    /** Distinct retailer numbers. */
    public int retailers() {
        return retailerDegreesAscending.length;
    }

    /** Distinct customer numbers. */
    public int customers() {
        return customers;
    }

    /** Peak open sessions: the pool needed when every session gets its own number. */
    public int perSessionRule() {
        return perSessionRule;
    }

    /** Peak distinct numbers with an open session: the pool needed when every party gets its own number. */
    public int perPartyRule() {
        return perPartyRule;
    }

    /** Δ, the largest degree of any number: the pool no allocator keeping the routing invariant beats. */
    public int lowerBound() {
        return lowerBound;
    }

    /** The largest degree among customer numbers. */
    public int largestCustomerDegree() {
        return largestCustomerDegree;
    }

    /** The largest degree among retailer numbers. */
    public int largestRetailerDegree() {
        return largestRetailerDegree;
    }

    /** Retailers that at some moment have more than {@code threshold} open sessions: each needs a hub. */
    public int retailersOver(int threshold) {
        return retailerDegreesAscending.length - firstAbove(threshold);
    }

    /**
     * Δ over the parties left off hubs at {@code threshold}: every customer and every retailer that
     * never has more than {@code threshold} sessions open.
     */
    public int lowerBoundWithoutHubs(int threshold) {
        int firstHub = firstAbove(threshold);
        int largestNonHubRetailer = firstHub == 0 ? 0 : retailerDegreesAscending[firstHub - 1];
        return Math.max(largestNonRetailerDegree, largestNonHubRetailer);
    }

    /**
     * The pool a hub allocator needs at {@code threshold} when it used {@code hubsUsed} dedicated hub
     * numbers: Δ without the hub parties plus the hubs. This is the largest customer degree plus the
     * hubs whenever no retailer left off the hubs is busier than the busiest customer (true for any
     * threshold at or below the largest customer degree).
     */
    public int hubBound(int threshold, int hubsUsed) {
        if (hubsUsed < 0) {
            throw new IllegalArgumentException("hubsUsed must not be negative");
        }
        return lowerBoundWithoutHubs(threshold) + hubsUsed;
    }

    /** Index of the first retailer degree above {@code threshold} in the ascending array. */
    private int firstAbove(int threshold) {
        int low = 0;
        int high = retailerDegreesAscending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (retailerDegreesAscending[mid] <= threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean[] mark(int[] ids, int parties) {
        boolean[] marked = new boolean[parties];
        for (int id : ids) {
            marked[id] = true;
        }
        return marked;
    }

    private static int maxWhere(int[] degree, boolean[] flag, boolean wanted) {
        int max = 0;
        for (int id = 0; id < degree.length; id++) {
            if (flag[id] == wanted) {
                max = Math.max(max, degree[id]);
            }
        }
        return max;
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    @Override
    public String toString() {
        return "sessions=" + sessions + " retailers=" + retailers() + " customers=" + customers
                + " per_session_rule=" + perSessionRule + " per_party_rule=" + perPartyRule
                + " lower_bound=" + lowerBound + " largest_customer_degree=" + largestCustomerDegree
                + " largest_retailer_degree=" + largestRetailerDegree;
    }
}
