package io.callmask.console;

import io.callmask.core.call.LegStatus;
import io.callmask.core.Ids;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The call history's filters, read from the query string: each one optional, all of them checked
 * before any query runs. {@code from} and {@code to} are whole UTC days, both included.
 */
record CallFilter(String retailerId, String reference, String status, LocalDate from, LocalDate to, int page) {

    static final CallFilter NONE = new CallFilter(null, null, null, null, null, 1);

    private static final Pattern ID = Pattern.compile(Ids.PATTERN);
    private static final int MAX_PAGE = 100_000;
    private static final int MAX_DAYS = 3660;

    /** A filter the operator got wrong; its message says how to put it right. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static CallFilter parse(String retailerId, String reference, String status, String from, String to, String page) {
        String retailer = blankToNull(retailerId);
        if (retailer != null && !ID.matcher(retailer).matches()) {
            throw new Invalid("Retailer must be a retailer id: letters, digits and . _ : - (at most 64).");
        }
        String order = blankToNull(reference);
        if (order != null && (order.length() > 128 || !order.matches(Ids.TEXT))) {
            throw new Invalid("Order reference must be at most 128 characters, without control characters.");
        }
        String wanted = blankToNull(status);
        if (wanted != null && LegStatus.fromWire(wanted).filter(s -> s.wire().equals(wanted)).isEmpty()) {
            throw new Invalid("Status must be one of: " + String.join(", ", statuses()) + ".");
        }
        LocalDate fromDay = day(from, "From");
        LocalDate toDay = day(to, "To");
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new Invalid("The date range ends before it starts: 'from' must be on or before 'to'.");
        }
        if (fromDay != null && toDay != null && fromDay.plusDays(MAX_DAYS).isBefore(toDay)) {
            throw new Invalid("The date range may span at most ten years.");
        }
        return new CallFilter(retailer, order, wanted, fromDay, toDay, page(page));
    }

    static String[] statuses() {
        return Arrays.stream(LegStatus.values()).map(LegStatus::wire).toArray(String[]::new);
    }

    CallFilter withPage(int other) {
        return new CallFilter(retailerId, reference, status, from, to, other);
    }

    /** The filter as query parameters (without the page), for links and the CSV export. */
    Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "retailer", retailerId);
        put(params, "reference", reference);
        put(params, "status", status);
        put(params, "from", from == null ? null : from.toString());
        put(params, "to", to == null ? null : to.toString());
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static LocalDate day(String text, String name) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 2000 || day.getYear() > 9000) {
                throw new Invalid(name + " must be a date between the years 2000 and 9000.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be a date such as 2026-11-25.");
        }
    }

    private static int page(String text) {
        String value = blankToNull(text);
        if (value == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value);
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Invalid("Page must be a whole number from 1 to " + MAX_PAGE + ".");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
