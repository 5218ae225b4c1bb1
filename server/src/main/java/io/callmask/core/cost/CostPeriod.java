package io.callmask.core.cost;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * A reporting period of whole days in the reporting zone, both ends included, as read from a
 * request: the same rules for {@code GET /v1/costs} and the console's analytics.
 */
public record CostPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /** Why a period was refused: {@code slug} is stable (a problem type), {@code message} for people. */
    public static final class Invalid extends RuntimeException {
        private final String slug;

        Invalid(String slug, String message) {
            super(message);
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /**
     * Reads {@code from} and {@code to} ({@code 2026-11-01}); a blank one takes its default, which
     * for {@code from} is computed from the end day.
     */
    public static CostPeriod parse(String from, String to, LocalDate defaultTo, UnaryOperator<LocalDate> defaultFrom) {
        LocalDate end = day("to", to, defaultTo);
        LocalDate start = day("from", from, defaultFrom.apply(end));
        if (start.isAfter(end)) {
            throw new Invalid("invalid-period", "'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new Invalid("invalid-period", "A period may span at most " + MAX_DAYS + " days.");
        }
        return new CostPeriod(start, end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate day(String name, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("invalid-" + name, "'" + name + "' must be a date such as 2026-11-01.");
        }
    }
}
