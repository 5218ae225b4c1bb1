package io.callmask.emulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Twilio's webhook connection overrides, read from a webhook URL's fragment
 * (twilio.com/docs/usage/webhooks/webhooks-connection-overrides): {@code ct} connect timeout (ms, 100–10000,
 * default 5000), {@code rt} read timeout (ms, 100–15000, default 15000), {@code tt} total time with retries
 * (ms, 100–15000, default 15000), {@code rc} retries (0–5, default 1), {@code rp} what is retried, a comma
 * separated list of {@code 4xx}, {@code 5xx}, {@code ct} (connection failed), {@code rt} (no answer in time) and
 * {@code all} (default {@code ct}). {@code e} (edge) and {@code sni} are accepted and change nothing here. The
 * emulator's own webhook timeout caps the timeouts, as Twilio's 15 s cap does. A value out of range or an unknown
 * policy is Twilio's error 11243.
 */
record ConnectionOverrides(Duration connect, Duration read, Duration total, int retries, Set<Kind> policy) {

    /** Why an attempt failed, in the retry policy's words ({@code OTHER} is never retried). */
    enum Kind { CT, RT, STATUS_4XX, STATUS_5XX, OTHER }

    boolean retriesOn(Kind kind) {
        return policy.contains(kind);
    }

    static ConnectionOverrides parse(String fragment, Duration cap) {
        long capMs = Math.max(100, cap.toMillis());
        long ct = Math.min(5000, capMs);
        long rt = Math.min(15000, capMs);
        long tt = Math.min(15000, capMs);
        int rc = 1;
        Set<Kind> rp = EnumSet.of(Kind.CT);
        if (fragment != null && !fragment.isBlank()) {
            for (String pair : fragment.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("'" + pair + "' is not key=value");
                }
                String key = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                switch (key) {
                    case "ct" -> ct = Math.min(capMs, range(key, value, 100, 10000));
                    case "rt" -> rt = Math.min(capMs, range(key, value, 100, 15000));
                    case "tt" -> tt = Math.min(capMs, range(key, value, 100, 15000));
                    case "rc" -> rc = (int) range(key, value, 0, 5);
                    case "rp" -> rp = policy(value);
                    case "e", "sni" -> { }
                    default -> throw new IllegalArgumentException("unknown override '" + key + "'");
                }
            }
        }
        return new ConnectionOverrides(Duration.ofMillis(ct), Duration.ofMillis(rt), Duration.ofMillis(tt), rc, rp);
    }

    private static Set<Kind> policy(String value) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String item : value.split(",")) {
            switch (item.trim()) {
                case "4xx" -> kinds.add(Kind.STATUS_4XX);
                case "5xx" -> kinds.add(Kind.STATUS_5XX);
                case "ct" -> kinds.add(Kind.CT);
                case "rt" -> kinds.add(Kind.RT);
                case "all" -> kinds.addAll(EnumSet.of(Kind.CT, Kind.RT, Kind.STATUS_4XX, Kind.STATUS_5XX));
                default -> throw new IllegalArgumentException("rp '" + item + "' is not 4xx, 5xx, ct, rt or all");
            }
        }
        return kinds;
    }

    private static long range(String key, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(key + " must be " + min + " to " + max + ", was " + parsed);
        }
        return parsed;
    }
}
