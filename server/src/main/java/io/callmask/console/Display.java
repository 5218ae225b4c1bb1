package io.callmask.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times and durations: UTC, to the second, the same on every page. */
final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Display() {}

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code 1:05} for 65 s; empty while unknown. */
    static String duration(Integer seconds) {
        return seconds == null ? "" : seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
