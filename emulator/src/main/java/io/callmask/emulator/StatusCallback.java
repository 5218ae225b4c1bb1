package io.callmask.emulator;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Where and for which events a leg reports its progress ({@code StatusCallback*} parameters). */
record StatusCallback(URI url, String method, Set<String> events) {

    static final Set<String> KNOWN_EVENTS = Set.of("initiated", "ringing", "answered", "completed");

    /** Twilio accepts the events as repeated parameters, space-separated, or both. */
    static StatusCallback of(String url, String method, Collection<String> rawEvents) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        if (rawEvents != null) {
            rawEvents.forEach(raw -> {
                for (String e : raw.trim().split("[\\s,]+")) {
                    if (KNOWN_EVENTS.contains(e)) {
                        events.add(e);
                    }
                }
            });
        }
        if (events.isEmpty()) {
            events.add("completed");
        }
        return new StatusCallback(URI.create(url.trim()), normaliseMethod(method), Set.copyOf(events));
    }

    static String normaliseMethod(String method) {
        return method != null && method.trim().equalsIgnoreCase("GET") ? "GET" : "POST";
    }
}
