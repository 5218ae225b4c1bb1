package io.callmask.core.abuse;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A daily span of local time such as {@code 08:00-21:00} (start included, end excluded). A span
 * whose end is before its start runs over midnight ({@code 22:00-06:00}).
 */
record AllowedHours(LocalTime start, LocalTime end) {

    AllowedHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("allowed hours must not start and end at the same time");
        }
    }

    static AllowedHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                return new AllowedHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("allowed hours must look like 08:00-21:00");
    }

    boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When the disallowed period that {@code local} falls in began: the latest end of allowed hours. */
    ZonedDateTime closedSince(ZonedDateTime local) {
        ZonedDateTime closing = local.with(end).withSecond(0).withNano(0);
        return closing.isAfter(local) ? closing.minusDays(1) : closing;
    }

    /** When calls are next allowed after {@code local}. */
    ZonedDateTime nextOpening(ZonedDateTime local) {
        ZonedDateTime opening = local.with(start).withSecond(0).withNano(0);
        return opening.isAfter(local) ? opening : opening.plusDays(1);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
