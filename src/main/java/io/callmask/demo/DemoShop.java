package io.callmask.demo;

import io.callmask.directory.Directory;
import io.callmask.directory.Order;
import io.callmask.directory.OrderStatus;
import io.callmask.directory.Orders;
import io.callmask.directory.Retailers;
import io.callmask.emulator.EmulatorEnabledCondition;
import io.callmask.web.Problem;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The demo's shop: one retailer and a few orders with demo customer numbers, created through the
 * {@link Directory} the first time the demo is used (and re-created if someone deleted them), so the
 * calls it makes take exactly the path a platform's calls take. Only these orders can be changed here.
 */
@Component
@Conditional(EmulatorEnabledCondition.class)
class DemoShop {

    static final String RETAILER_ID = "demo-shop";
    static final String RETAILER_NAME = "Chai & Chips Corner";
    static final String ACTIVE = OrderStatus.OUT_FOR_DELIVERY.wire();

    record Item(String id, String customerId, String customer, String items, String total, String customerPhone) {}

    private static final List<Item> CATALOGUE = List.of(
            new Item("demo-1001", "demo-customer-asha", "Asha", "2 × masala chai, 1 × samosa", "₹ 140", null),
            new Item("demo-1002", "demo-customer-ravi", "Ravi", "1 × chips, 1 × cold coffee", "₹ 210", null),
            new Item("demo-1003", "demo-customer-meera", "Meera", "4 × vada pav", "₹ 160", null));

    /** An order as the demo page shows it; {@code customerPhone} only drives the customer's virtual phone. */
    record OrderView(String id, String customer, String items, String total, String status, boolean active,
            String customerPhone) {}

    private final Directory directory;
    private final Retailers retailers;
    private final Orders orders;
    /** The demo's numbers come from configuration (callmask.demo), the numbers the virtual phones answer. */
    private final String retailerPhone;
    private final List<Item> items;
    private volatile boolean ready;

    DemoShop(Directory directory, Retailers retailers, Orders orders, DemoProperties properties) {
        this.directory = directory;
        this.retailers = retailers;
        this.orders = orders;
        if (properties.retailerPhone() == null || properties.customerPhones() == null
                || properties.customerPhones().size() != CATALOGUE.size()) {
            throw new IllegalStateException("callmask.demo needs retailer-phone and " + CATALOGUE.size()
                    + " customer-phones (one per demo order)");
        }
        this.retailerPhone = properties.retailerPhone();
        this.items = java.util.stream.IntStream.range(0, CATALOGUE.size()).mapToObj(i -> {
            Item item = CATALOGUE.get(i);
            return new Item(item.id(), item.customerId(), item.customer(), item.items(), item.total(),
                    properties.customerPhones().get(i));
        }).toList();
    }

    String retailerPhone() {
        return retailerPhone;
    }

    /** Creates the retailer and any missing order; cheap once done. */
    synchronized void ensure() {
        if (ready && retailers.find(RETAILER_ID).isPresent()) {
            return;
        }
        if (retailers.find(RETAILER_ID).isEmpty()) {
            directory.putRetailer(RETAILER_ID, RETAILER_NAME, retailerPhone, null);
        }
        for (Item item : items) {
            if (orders.find(item.id()).isEmpty()) {
                directory.putOrder(item.id(), RETAILER_ID, item.customerId(), item.customerPhone(), ACTIVE);
            }
        }
        ready = true;
    }

    List<OrderView> orders() {
        ensure();
        return items.stream().map(this::view).toList();
    }

    /** Cancels or reopens one of the demo's orders, through the directory (cancelling ends its session). */
    OrderView setStatus(String orderId, String status) {
        if (!OrderStatus.CANCELLED.wire().equals(status) && !ACTIVE.equals(status)) {
            throw Problem.badRequest("invalid-order-status",
                    "'status' must be cancelled or " + ACTIVE + " here: the demo only cancels and reopens orders.");
        }
        Item item = items.stream().filter(i -> i.id().equals(orderId)).findFirst()
                .orElseThrow(() -> new Problem(404, "order-not-found", "Order not found",
                        "No demo order has " + Problem.quoted(orderId) + "; the demo changes only its own orders."));
        ensure();
        directory.putOrder(item.id(), RETAILER_ID, item.customerId(), item.customerPhone(), status);
        return view(item);
    }

    private OrderView view(Item item) {
        Order order = orders.find(item.id()).orElseThrow();
        return new OrderView(item.id(), item.customer(), item.items(), item.total(), order.status().wire(),
                order.status().active(), order.customerPhone().e164());
    }
}
