package io.callmask.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells (RFC 4180) that a spreadsheet opens as text, never as a formula: a cell that starts
 * with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice on
 * CSV injection). Masked numbers such as {@code +91 98•••••210} are shown so too.
 */
final class Csv {

    private Csv() {}

    static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
