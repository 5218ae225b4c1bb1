package io.callmask.core.abuse;

import java.util.Arrays;
import java.util.Optional;

/** The abuse rules, by their stable names in alerts, events and the API. */
public enum Rule {
    SHORT_CALL_BURST, REPEATED_UNANSWERED, OUTSIDE_HOURS, AFTER_ORDER_CLOSED, DISTINCT_CUSTOMERS;

    /** {@code short-call-burst}, {@code repeated-unanswered}, … */
    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Rule> fromWire(String text) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(text)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Rule::wire).toList());
    }
}
