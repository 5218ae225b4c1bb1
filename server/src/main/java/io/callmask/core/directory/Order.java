package io.callmask.core.directory;

import io.callmask.core.number.PhoneNumber;
import java.time.Instant;

/**
 * An order of one retailer's; the customer's number comes from here, never from a browser.
 * {@code customerPhone} is null once the retention job purged it from a closed order.
 */
public record Order(String id, String retailerId, String customerId, PhoneNumber customerPhone,
        OrderStatus status, Instant updatedAt) {}
