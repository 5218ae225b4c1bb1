package io.callmask.core.pool;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one real number holds when a session is made for it: the one-to-one masked numbers of its
 * open sessions, how many open sessions it has on hubs, and the pairs it released (per masked
 * number, the latest: with whom and when). Read for both parties in one round trip
 * ({@link Allocator#holdingsOf}); bounded by the pool's size plus its hub sessions.
 */
public final class Holdings {

    /** A real number that holds nothing. */
    public static final Holdings NONE = new Builder().build();

    private record Released(String counterpartHash, Instant at) {}

    private final Set<String> held;
    private final int onHubs;
    private final Map<String, Released> released;

    private Holdings(Set<String> held, int onHubs, Map<String, Released> released) {
        this.held = held;
        this.onHubs = onHubs;
        this.released = released;
    }

    /** How many open sessions the number is in, one-to-one and on hubs. */
    public int openSessions() {
        return held.size() + onHubs;
    }

    boolean holds(String masked) {
        return held.contains(masked);
    }

    /** Whether the number released {@code masked} with someone other than this counterpart since then. */
    boolean cooling(String masked, String counterpartHash, Instant since) {
        Released r = released.get(masked);
        return r != null && r.at().isAfter(since) && !r.counterpartHash().equals(counterpartHash);
    }

    /** The masked number it last released with this counterpart (null: none). */
    String lastWith(String counterpartHash) {
        String last = null;
        Instant at = null;
        for (Map.Entry<String, Released> e : released.entrySet()) {
            Released r = e.getValue();
            if (r.counterpartHash().equals(counterpartHash) && (at == null || r.at().isAfter(at))) {
                last = e.getKey();
                at = r.at();
            }
        }
        return last;
    }

    static final class Builder {
        private final Set<String> held = new HashSet<>();
        private int onHubs;
        private final Map<String, Released> released = new HashMap<>();

        void held(String masked) {
            held.add(masked);
        }

        void onHubs(int sessions) {
            onHubs += sessions;
        }

        void released(String masked, String counterpartHash, Instant at) {
            released.put(masked, new Released(counterpartHash, at));
        }

        Holdings build() {
            return new Holdings(Set.copyOf(held), onHubs, Map.copyOf(released));
        }
    }
}
