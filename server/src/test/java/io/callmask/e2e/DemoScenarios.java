package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.App;
import io.callmask.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /demo} (the emulator module's demo, on in the tests as in the demo run): its shop is made through the
 * platform API, its token is an ordinary retailer token for that shop only, and it changes only its own orders.
 * That the product jar has no {@code /demo} at all is {@code ProductJarIT}'s. Run on H2
 * ({@link H2DemoIT}) and PostgreSQL ({@link PostgresDemoIT}).
 */
abstract class DemoScenarios {

    /** Settings for a fresh, empty database named after {@code name}. */
    abstract List<String> database(String name);

    private App start(String name, String... settings) {
        List<String> args = new ArrayList<>(database(name));
        args.add("--callmask.data-dir=target/it-data-" + name);
        args.addAll(List.of(settings));
        return App.start(null, args.toArray(String[]::new));
    }

    @Test
    void withTheEmulatorTheDemoSeedsItsShopThroughTheDirectory() {
        try (App app = start("demo-on")) {
            assertThat(app.api.get("/v1/retailers/demo-shop").status()).isEqualTo(404);

            Http.Response page = app.phones.get("/demo", "text/html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("/callmask-call-button.js", "/demo/demo.js", "POST /v1/retailer-tokens")
                    .doesNotContain("+91");

            JsonNode retailer = app.api.get("/v1/retailers/demo-shop").json();
            JsonNode shop = app.phones.get("/demo/api/shop").json();
            assertThat(retailer.get("phone").asString()).isEqualTo(shop.get("retailer").get("phone").asString())
                    .isEqualTo("+919900010001");
            assertThat(shop.get("orders").size()).isEqualTo(3);
            for (JsonNode order : shop.get("orders")) {
                JsonNode stored = app.api.get("/v1/orders/" + order.get("id").asString()).json();
                assertThat(stored.get("retailerId").asString()).isEqualTo("demo-shop");
                assertThat(stored.get("status").asString()).isEqualTo("out_for_delivery");
            }

            // The demo's token is a retailer token for the demo shop: it calls for the shop's orders, nothing else.
            String token = app.phones.post("/demo/api/token", "").json().get("token").asString();
            Http asShop = new Http(app.api.base(), token);
            var call = asShop.post("/v1/masked-calls", "{\"orderId\":\"demo-1001\"}");
            assertThat(call.status()).as(call.body()).isEqualTo(201);
            assertThat(call.json().get("retailerMaskedNumber").asString()).startsWith("+9180471800");
            assertThat(asShop.get("/v1/retailers/demo-shop").status()).isEqualTo(403);
        }
    }

    @Test
    void theDemoChangesOnlyItsOwnOrdersAndOnlyToCancelledOrBack() {
        try (App app = start("demo-orders")) {
            app.api.put("/v1/retailers/other-shop", "{\"name\":\"Other\",\"phone\":\"+919812300001\"}");
            app.api.put("/v1/orders/other-1", "{\"retailerId\":\"other-shop\",\"customerPhone\":\"+919812300002\","
                    + "\"status\":\"placed\"}");
            assertThat(app.phones.get("/demo/api/shop").status()).isEqualTo(200);

            var foreign = app.phones.put("/demo/api/orders/other-1/status", "{\"status\":\"cancelled\"}");
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
            assertThat(app.api.get("/v1/orders/other-1").json().get("status").asString()).isEqualTo("placed");

            var delivered = app.phones.put("/demo/api/orders/demo-1002/status", "{\"status\":\"delivered\"}");
            assertThat(delivered.status()).isEqualTo(400);
            assertThat(delivered.json().get("type").asString()).isEqualTo("urn:callmask:problem:invalid-order-status");
            assertThat(app.api.get("/v1/orders/demo-1002").json().get("status").asString()).isEqualTo("out_for_delivery");

            var cancelled = app.phones.put("/demo/api/orders/demo-1002/status", "{\"status\":\"cancelled\"}");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("active").asBoolean()).isFalse();
            assertThat(app.api.get("/v1/orders/demo-1002").json().get("status").asString()).isEqualTo("cancelled");
        }
    }
}
