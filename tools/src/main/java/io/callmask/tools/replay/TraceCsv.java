package io.callmask.tools.replay;

/**
 * The trace's CSV dialect: a fixed header, five plain comma-separated fields per line, no quoting
 * (a {@link TraceRow} refuses references that would need it), {@code \n} line endings when written
 * so that the same trace is always the same bytes.
 */
final class TraceCsv {

    static final String HEADER = "open_s,close_s,reference,retailer_number,customer_number";

    private static final int COLUMNS = 5;
    // 18 digits always fit in a long; more is not a plausible number of seconds anyway.
    private static final int MAX_SECONDS_DIGITS = 18;

    private TraceCsv() {}

    static boolean isPlainField(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    static void checkHeader(String line) {
        if (line == null) {
            throw new TraceFormatException(1, "the file is empty, expected the header '" + HEADER + "'");
        }
        String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (!header.equals(HEADER)) {
            throw new TraceFormatException(1, "the header must be exactly '" + HEADER + "'");
        }
    }

    static TraceRow parse(String line, long lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS) {
            throw new TraceFormatException(lineNumber,
                    "expected " + COLUMNS + " comma-separated columns, found " + fields.length);
        }
        long open = seconds("open_s", fields[0], lineNumber);
        long close = seconds("close_s", fields[1], lineNumber);
        try {
            return new TraceRow(open, close, fields[2], fields[3], fields[4]);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(lineNumber, e.getMessage());
        }
    }

    static String format(TraceRow row) {
        return new StringBuilder(64).append(row.openS()).append(',').append(row.closeS()).append(',')
                .append(row.reference()).append(',').append(row.retailerNumber()).append(',')
                .append(row.customerNumber()).append('\n').toString();
    }

    private static long seconds(String column, String field, long lineNumber) {
        // Digits only: Long.parseLong would also take "+5" and "-5", neither a valid offset.
        boolean digits = !field.isEmpty() && field.length() <= MAX_SECONDS_DIGITS;
        for (int i = 0; digits && i < field.length(); i++) {
            digits = field.charAt(i) >= '0' && field.charAt(i) <= '9';
        }
        if (!digits) {
            throw new TraceFormatException(lineNumber, column + " is not a non-negative whole number of seconds");
        }
        return Long.parseLong(field);
    }
}
