package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What the conformance scenarios leave out of Exotel's flow: a click-to-call's callee calling back
 * the number it saw (the caller's, Exotel shows one caller ID), a dial-in whose callee does not
 * answer (Passthru, then the Greeting), and the Greeting's HEAD request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ExotelFlowIT {

    private final ExotelDriver exotel = new ExotelDriver();
    private WireMockServer fake;
    private CarrierApp app;

    @BeforeAll
    void start() {
        fake = new WireMockServer(options().dynamicPort());
        fake.start();
        exotel.stub(fake);
        List<String> settings = new ArrayList<>(exotel.settings(fake.baseUrl()));
        settings.addAll(CarrierApp.h2("exotel-flow"));
        app = CarrierApp.start(new MutableClock(), settings);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        fake.stop();
    }

    @Test
    void aCalleeWhoCallsBackTheCallersMaskedNumberIsNotRecognisedAndNothingIsDialled() {
        // the per-party rule may give both parties the same pool number (then a call-back works): take a pair that differ
        JsonNode s = session();
        for (int i = 0; i < 30 && CarrierConformance.masked(s, "retailer").equals(CarrierConformance.masked(s,
                "customer")); i++) {
            s = session();
        }
        assertThat(CarrierConformance.masked(s, "retailer")).isNotEqualTo(CarrierConformance.masked(s, "customer"));
        String retailer = real(s, "retailer");
        String customer = real(s, "customer");
        var r = app.api.post("/v1/sessions/" + s.get("id").asString() + "/calls", "{\"from\":\"retailer\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var placed = exotel.placed(fake, retailer);
        var dial = exotel.answered(app, placed, placed.carrierSid());
        String seen = dial.callerId();
        assertThat(seen).isEqualTo(CarrierConformance.masked(s, "retailer"));

        int calls = app.rows("calls");
        var back = exotel.incoming(app, exotel.newCallSid(), customer, seen);
        assertThat(back.dials()).isFalse();
        assertThat(back.said()).containsExactly(CarrierConformance.UNKNOWN);
        assertThat(app.rows("calls")).isEqualTo(calls);
    }

    @Test
    void aDialInWhoseCalleeDoesNotAnswerHearsThatItIsUnavailable() {
        JsonNode s = session();
        String sid = exotel.newCallSid();
        var dial = exotel.incoming(app, sid, real(s, "customer"), CarrierConformance.masked(s, "customer"));
        assertThat(dial.dialNumber()).isEqualTo(real(s, "retailer"));
        var end = exotel.dialEnded(app, dial, null, "no-answer", 0);
        assertThat(end.said()).containsExactly(CarrierConformance.UNAVAILABLE);
        assertThat(end.hangsUp()).isTrue();
        JsonNode call = app.api.get("/v1/sessions/" + s.get("id").asString() + "/calls").json().get(0);
        assertThat(call.get("status").asString()).isEqualTo("no-answer");
        assertThat(call.toString()).doesNotContain(real(s, "customer"), real(s, "retailer"));
    }

    @Test
    void theGreetingAnswersHeadWithTheHeadersOfItsGet() throws Exception {
        String url = app.base + "/webhooks/exotel/" + ExotelDriver.SECRET + "/greeting?CallSid=" + exotel.newCallSid();
        HttpClient client = HttpClient.newHttpClient();
        var get = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var head = client.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).as("no message kept for this call: the generic one")
                .isEqualTo("Sorry, we cannot connect your call right now. Please try again in a few minutes.");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(head.headers().firstValue("Content-Length"))
                .contains(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    private JsonNode session() {
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        var r = app.api.post("/v1/sessions", """
                {"reference":"ord-%s","ttlSeconds":3600,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}""".formatted(customer.substring(5), retailer, customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = r.json();
        ((tools.jackson.databind.node.ObjectNode) s).put("retailerReal", retailer).put("customerReal", customer);
        return s;
    }

    private static String real(JsonNode s, String role) {
        return s.get(role + "Real").asString();
    }
}
