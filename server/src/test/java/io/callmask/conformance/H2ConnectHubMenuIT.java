package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Connect's hub menu, which the conformance scenarios do not cover: a busy retailer dialling the
 * hub number is asked for an order code (action {@code menu}), and the code the flow's Store customer
 * input sends back transfers it to that order's customer under the customer's masked number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ConnectHubMenuIT {

    static final String PROMPT = "Please enter the order code, then press hash.";

    final MutableClock clock = new MutableClock();
    final ConnectDriver connect = new ConnectDriver(clock);
    WireMockServer fake;
    CarrierApp app;

    @BeforeAll
    void start() {
        fake = new WireMockServer(options().dynamicPort());
        fake.start();
        connect.stub(fake);
        List<String> settings = new ArrayList<>(connect.settings(fake.baseUrl()));
        settings.addAll(CarrierApp.h2("connect-hub"));
        app = CarrierApp.start(clock, settings);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        fake.stop();
    }

    @Test
    void aHubRetailerHearsTheMenuAndTheRightCodeTransfersToThatOrdersCustomer() {
        String retailer = TestNumbers.mobile();
        List<JsonNode> sessions = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(TestNumbers.mobile());
            sessions.add(session(retailer, customers.get(i)));
        }
        JsonNode second = sessions.get(4);
        assertThat(party(second, "retailer").get("maskedNumber").asString()).isEqualTo(CarrierApp.HUB);
        String contact = connect.newCallSid();

        var menu = connect.incoming(app, contact, retailer, CarrierApp.HUB);
        assertThat(menu.status()).as(menu.body()).isEqualTo(200);
        assertThat(menu.menu()).isTrue();
        assertThat(menu.said()).containsExactly(PROMPT);
        assertThat(menu.dials()).isFalse();
        assertThat(menu.body()).contains("\"attempt\":\"1\"");

        var bridge = connect.menu(app, contact, retailer, CarrierApp.HUB, second.get("orderCode").asString(), 1);
        assertThat(bridge.status()).as(bridge.body()).isEqualTo(200);
        assertThat(bridge.dialNumber()).isEqualTo(customers.get(4));
        assertThat(bridge.callerId()).isEqualTo(party(second, "customer").get("maskedNumber").asString());
        assertThat(bridge.body()).doesNotContain(retailer);
    }

    @Test
    void aWrongCodeIsAskedAgainThenLetGo() {
        String retailer = TestNumbers.mobile();
        for (int i = 0; i < 5; i++) {
            session(retailer, TestNumbers.mobile());
        }
        String contact = connect.newCallSid();
        assertThat(connect.incoming(app, contact, retailer, CarrierApp.HUB).menu()).isTrue();
        var retry = connect.menu(app, contact, retailer, CarrierApp.HUB, "99", 1);
        assertThat(retry.menu()).isTrue();
        assertThat(retry.body()).contains("\"attempt\":\"2\"");
        var goodbye = connect.menu(app, contact, retailer, CarrierApp.HUB, "98", 2);
        assertThat(goodbye.menu()).isFalse();
        assertThat(goodbye.dials()).isFalse();
        assertThat(goodbye.hangsUp()).isTrue();
        assertThat(goodbye.said()).hasSize(1);
    }

    private JsonNode session(String retailer, String customer) {
        var r = app.api.post("/v1/sessions", """
                {"reference":"ord-%s","ttlSeconds":3600,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}""".formatted(customer.substring(5), retailer, customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode party(JsonNode session, String role) {
        for (JsonNode p : session.get("parties")) {
            if (p.get("role").asString().equals(role)) {
                return p;
            }
        }
        throw new AssertionError("no party " + role);
    }
}
