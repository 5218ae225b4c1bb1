package io.callmask.tools.replay;

import java.util.regex.Pattern;

/**
 * One order of a trace: a masked session between a retailer and a customer, open on the
 * half-open interval {@code [openS, closeS)} in seconds from the start of the trace. A row is
 * valid by construction; the messages of its checks never repeat a phone number, because a
 * trace holds real numbers and error messages end up in logs. {@link #toString()} hides the
 * numbers for the same reason.
 */
public record TraceRow(long openS, long closeS, String reference, String retailerNumber, String customerNumber) {

    // The same shape the server's PhoneNumber accepts, so every row can be replayed through it.
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public TraceRow {
        if (openS < 0) {
            throw new IllegalArgumentException("open_s must not be negative");
        }
        if (closeS <= openS) {
            throw new IllegalArgumentException("close_s must be greater than open_s");
        }
        if (reference == null || reference.isEmpty()) {
            throw new IllegalArgumentException("reference is empty");
        }
        if (!TraceCsv.isPlainField(reference)) {
            // Keeps the CSV free of quoting: a trace is written and read one plain line per row.
            throw new IllegalArgumentException("reference contains a comma, a quote or a line break");
        }
        requireE164("retailer_number", retailerNumber);
        requireE164("customer_number", customerNumber);
        if (retailerNumber.equals(customerNumber)) {
            // One real number on both sides of a session could not be told apart on dial-in.
            throw new IllegalArgumentException("retailer_number and customer_number are the same number");
        }
    }

    private static void requireE164(String column, String number) {
        if (number == null || !E164.matcher(number).matches()) {
            throw new IllegalArgumentException(column + " is not an E.164 number ('+' then 7 to 15 digits)");
        }
    }

    /** How long the session stays open, in seconds. */
    public long lengthS() {
        return closeS - openS;
    }

    @Override
    public String toString() {
        return "TraceRow[openS=" + openS + ", closeS=" + closeS + ", reference=" + reference
                + ", retailerNumber=" + hidden(retailerNumber) + ", customerNumber=" + hidden(customerNumber) + "]";
    }

    private static String hidden(String number) {
        return number.substring(0, 3) + "•".repeat(number.length() - 6) + number.substring(number.length() - 3);
    }
}
