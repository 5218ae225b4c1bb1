package io.callmask.carrier.exotel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the flow's Greeting applet should say to a call, by Exotel's call id, between the applet
 * request that decided it and the Greeting's fetch a few seconds later. Exotel's static flow cannot
 * carry our message from one applet to the next, and routing it again would repeat its side effects
 * (events, callbacks), so the decision is kept here, briefly and bounded. It is this instance's
 * memory: with several instances the Greeting may reach another one, which then says the generic
 * unavailable message (docs/carriers.md#exotel).
 */
@Component
@ExotelEnabled
class ExotelGreetings {

    static final Duration KEEP = Duration.ofMinutes(15);
    static final int MAX = 10_000;

    private record Entry(String message, Instant at) {}

    private final Map<String, Entry> messages = new ConcurrentHashMap<>();
    private final Clock clock;

    ExotelGreetings(Clock clock) {
        this.clock = clock;
    }

    void put(String callSid, String message) {
        Instant now = clock.instant();
        if (messages.size() >= MAX) {
            messages.values().removeIf(e -> e.at().isBefore(now.minus(KEEP)));
            if (messages.size() >= MAX) {
                messages.clear(); // a flood of calls: forget rather than grow; callers then hear the generic message
            }
        }
        messages.put(callSid, new Entry(message, now));
    }

    Optional<String> get(String callSid) {
        Entry e = messages.get(callSid);
        return e == null || e.at().isBefore(clock.instant().minus(KEEP)) ? Optional.empty() : Optional.of(e.message());
    }
}
