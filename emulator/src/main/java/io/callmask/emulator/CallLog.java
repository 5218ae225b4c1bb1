package io.callmask.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The most recent legs by sid; the oldest are forgotten beyond {@value #CAPACITY} to keep memory bounded. */
final class CallLog {

    static final int CAPACITY = 1000;

    private final Map<String, Leg> legs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Leg> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(Leg leg) {
        legs.put(leg.sid, leg);
    }

    synchronized Optional<Leg> find(String sid) {
        return Optional.ofNullable(legs.get(sid));
    }

    /** The last {@code limit} legs, oldest first. */
    synchronized List<Leg> latest(int limit) {
        List<Leg> all = new ArrayList<>(legs.values());
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    synchronized void clear() {
        legs.clear();
    }
}
