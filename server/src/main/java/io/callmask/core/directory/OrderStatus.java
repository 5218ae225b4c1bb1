package io.callmask.core.directory;

import java.util.Arrays;
import java.util.Optional;

/** Where an order is in its life; calls are allowed only while it is active. */
public enum OrderStatus {
    PLACED(true), ACCEPTED(true), OUT_FOR_DELIVERY(true), DELIVERED(false), CANCELLED(false);

    private final boolean active;

    OrderStatus(boolean active) {
        this.active = active;
    }

    public boolean active() {
        return active;
    }

    /** The API's spelling: {@code out_for_delivery}. */
    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<OrderStatus> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(OrderStatus::wire).toList());
    }

    /** The closed statuses, as the API spells them. */
    public static java.util.List<String> closedWire() {
        return Arrays.stream(values()).filter(s -> !s.active()).map(OrderStatus::wire).toList();
    }
}
