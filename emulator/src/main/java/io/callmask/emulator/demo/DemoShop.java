package io.callmask.emulator.demo;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The demo's shop: one retailer and a few orders with demo customer numbers, created through callmask's
 * platform API ({@code PUT /v1/retailers/{id}}, {@code PUT /v1/orders/{id}}) the first time the demo is used
 * (and re-created if someone deleted them), so the calls it makes take exactly the path a platform's calls
 * take. It is a marketplace's backend: it knows callmask only over HTTP. Only these orders can be changed here.
 */
@Component
@ConditionalOnProperty(name = "emulator.demo.enabled", havingValue = "true")
class DemoShop {

    static final String RETAILER_ID = "demo-shop";
    static final String RETAILER_NAME = "Chai & Chips Corner";
    static final String ACTIVE = "out_for_delivery";
    static final String CANCELLED = "cancelled";

    record Item(String id, String customerId, String customer, String items, String total, String customerPhone) {}

    private static final List<Item> CATALOGUE = List.of(
            new Item("demo-1001", "demo-customer-asha", "Asha", "2 × masala chai, 1 × samosa", "₹ 140", null),
            new Item("demo-1002", "demo-customer-ravi", "Ravi", "1 × chips, 1 × cold coffee", "₹ 210", null),
            new Item("demo-1003", "demo-customer-meera", "Meera", "4 × vada pav", "₹ 160", null));

    /** An order as the demo page shows it; {@code customerPhone} only drives the customer's virtual phone. */
    record OrderView(String id, String customer, String items, String total, String status, boolean active,
            String customerPhone) {}

    private final PlatformApi api;
    /** The demo's numbers come from configuration (emulator.demo), the numbers the virtual phones answer. */
    private final String retailerPhone;
    private final List<Item> items;
    private volatile boolean ready;

    DemoShop(PlatformApi api, DemoProperties properties) {
        this.api = api;
        if (properties.retailerPhone() == null || properties.customerPhones() == null
                || properties.customerPhones().size() != CATALOGUE.size()) {
            throw new IllegalStateException("emulator.demo needs retailer-phone and " + CATALOGUE.size()
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

    /** Creates the retailer and any missing order; one GET once done. */
    synchronized void ensure() {
        if (ready && api.get("/v1/retailers/" + RETAILER_ID) != null) {
            return;
        }
        if (api.get("/v1/retailers/" + RETAILER_ID) == null) {
            api.put("/v1/retailers/" + RETAILER_ID, Map.of("name", RETAILER_NAME, "phone", retailerPhone));
        }
        for (Item item : items) {
            if (api.get("/v1/orders/" + item.id()) == null) {
                putOrder(item, ACTIVE);
            }
        }
        ready = true;
    }

    List<OrderView> orders() {
        ensure();
        return items.stream().map(this::view).toList();
    }

    /** Cancels or reopens one of the demo's orders (cancelling ends its session in callmask). */
    OrderView setStatus(String orderId, String status) {
        if (!CANCELLED.equals(status) && !ACTIVE.equals(status)) {
            throw new DemoRefusal(HttpStatusCode.valueOf(400), "invalid-order-status", "Invalid request",
                    "'status' must be cancelled or " + ACTIVE + " here: the demo only cancels and reopens orders.");
        }
        Item item = items.stream().filter(i -> i.id().equals(orderId)).findFirst()
                .orElseThrow(() -> new DemoRefusal(HttpStatusCode.valueOf(404), "order-not-found", "Order not found",
                        "No demo order has that id; the demo changes only its own orders."));
        ensure();
        putOrder(item, status);
        return view(item);
    }

    /** A retailer token for the demo shop, minted as a platform's backend mints it. */
    JsonNode token(long ttlSeconds) {
        ensure();
        return api.post("/v1/retailer-tokens", Map.of("retailerId", RETAILER_ID, "ttlSeconds", ttlSeconds));
    }

    private void putOrder(Item item, String status) {
        api.put("/v1/orders/" + item.id(), Map.of("retailerId", RETAILER_ID, "customerId", item.customerId(),
                "customerPhone", item.customerPhone(), "status", status));
    }

    private OrderView view(Item item) {
        JsonNode order = api.get("/v1/orders/" + item.id());
        if (order == null) {
            throw new DemoRefusal(HttpStatusCode.valueOf(502), "callmask-error", "callmask error",
                    "callmask no longer has the demo order; reload the page.");
        }
        return new OrderView(item.id(), item.customer(), item.items(), item.total(), order.get("status").asString(),
                order.get("callable").asBoolean(), item.customerPhone());
    }
}
