package io.callmask.core.directory;

import io.callmask.core.number.PhoneNumberParser;
import io.callmask.core.Refusal;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the retailers and orders the platform pushes; numbers are normalised on the way in. */
@Service
public class Directory {

    private final Retailers retailers;
    private final Orders orders;
    private final PhoneNumberParser numbers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directory(Retailers retailers, Orders orders, PhoneNumberParser numbers, ApplicationEventPublisher events,
            Clock clock) {
        this.retailers = retailers;
        this.orders = orders;
        this.numbers = numbers;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the saved retailer and whether it was created; {@code callsPerHour} null: the default limit. */
    @Transactional
    public Saved<Retailer> putRetailer(String id, String name, String phone, Integer callsPerHour) {
        var number = numbers.parse("phone", phone);
        boolean created = retailers.save(id, name.strip(), number, callsPerHour, clock.instant());
        return new Saved<>(retailers.find(id).orElseThrow(), created);
    }

    /** Returns the saved order and whether it was created; ending an order ends its sessions. */
    @Transactional
    public Saved<Order> putOrder(String id, String retailerId, String customerId, String customerPhone, String status) {
        var orderStatus = OrderStatus.fromWire(status).orElseThrow(() -> Refusal.invalid("invalid-order-status",
                "'status' must be one of: " + OrderStatus.allowed() + "."));
        var phone = numbers.parse("customerPhone", customerPhone);
        if (retailers.find(retailerId).isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_POSSIBLE, "unknown-retailer", "Unknown retailer",
                    "No retailer has the id '" + retailerId + "'; create it with PUT /v1/retailers/{id} first.");
        }
        var order = new Order(id, retailerId, customerId, phone, orderStatus, clock.instant());
        var before = orders.find(id);
        boolean partiesChanged = before.isPresent() && (!before.get().retailerId().equals(retailerId)
                || !phone.equals(before.get().customerPhone()));
        boolean created = orders.save(order, clock.instant());
        if (!orderStatus.active() || partiesChanged) {
            events.publishEvent(new OrderClosed(id));
        }
        return new Saved<>(orders.find(id).orElseThrow(), created);
    }

    /** A saved row and whether this request created it (201) or replaced it (200). */
    public record Saved<T>(T value, boolean created) {}
}
