package io.callmask.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every webhook attempt the emulator made, by what it was for and how it went, so a fault run can tell a 503 the
 * app asked to be retried from a 5xx it should never have answered. Outcomes: {@code 2xx}, {@code 4xx}, {@code 503},
 * {@code 5xx} (any other), {@code ct} (refused or not connected in time), {@code rt} (no answer in time, reset or
 * closed), {@code other}; and {@code failed}: webhooks that still failed after their retries (error 11200).
 */
final class WebhookTally {

    /** What a webhook was for: a document to run ({@code twiml}), a leg's progress, a recording's. */
    enum Kind {
        TWIML, STATUS, RECORDING;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void attempt(Kind kind, String outcome) {
        counts.computeIfAbsent(kind.wire() + " " + outcome, k -> new LongAdder()).increment();
    }

    void failed(Kind kind) {
        attempt(kind, "failed");
    }

    /** {@code {"twiml": {"2xx": 12, ...}, "status": {...}}}, sorted. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> view = new TreeMap<>();
        counts.forEach((key, count) -> {
            int space = key.indexOf(' ');
            view.computeIfAbsent(key.substring(0, space), k -> new TreeMap<>()).put(key.substring(space + 1),
                    count.sum());
        });
        return view;
    }

    void clear() {
        counts.clear();
    }
}
