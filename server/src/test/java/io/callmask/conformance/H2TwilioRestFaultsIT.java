package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The carrier's REST API slow, then failing (a 5xx, a reset connection), then well again, while click-to-calls are
 * placed (WireMock plays Twilio's documented shapes): each click-to-call gets an answer, slow or 502
 * {@code carrier-error}; each leaves exactly one call record, failed with the reason when the carrier did not take
 * it; the session stays open and whole; the carrier meter counts the errors; the next call works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2TwilioRestFaultsIT {

    private static final String CALLS = "/2010-04-01/Accounts/" + TwilioDriver.ACCOUNT_SID + "/Calls.json";
    private final TwilioDriver twilio = new TwilioDriver();
    private final WireMockServer fake = new WireMockServer(options().dynamicPort());
    private CarrierApp app;

    @BeforeAll
    void start() {
        fake.start();
        List<String> settings = new ArrayList<>(twilio.settings(fake.baseUrl()));
        settings.addAll(CarrierApp.h2("rest-faults"));
        settings.add("--callmask.metrics.keys=faults-metrics-key");
        app = CarrierApp.start(Clock.systemUTC(), settings);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        fake.stop();
    }

    @Test
    void slowThenFailingThenWellAgain() {
        String sessionId = app.api.post("/v1/sessions", """
                {"reference":"faults-%s","parties":[{"role":"retailer","id":"r-f","number":"%s"},
                  {"role":"customer","id":"c-f","number":"%s"}]}""".formatted(System.nanoTime(), TestNumbers.mobile(),
                TestNumbers.mobile())).json().get("id").asString();
        int sessions = app.rows("sessions");
        int parties = app.rows("parties");

        // slow: 3 s, then accepted
        twilio.stub(fake);
        fake.stubFor(post(urlPathEqualTo(CALLS)).atPriority(1).willReturn(aResponse().withFixedDelay(3000)
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"sid":"CA%s","account_sid":"%s","status":"queued"}""".formatted("a".repeat(32),
                        TwilioDriver.ACCOUNT_SID))));
        long started = System.nanoTime();
        Http.Response slow = call(sessionId);
        assertThat(slow.status()).as(slow.body()).isEqualTo(201);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(3000);
        assertThat(slow.json().get("status").asString()).isEqualTo("queued");

        // failing: Twilio's error shape with a 500, then a reset connection
        fake.stubFor(post(urlPathEqualTo(CALLS)).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        JsonNode fiveHundred = failed(call(sessionId));
        fake.stubFor(post(urlPathEqualTo(CALLS)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonNode reset = failed(call(sessionId));

        // well again
        fake.resetAll();
        twilio.stub(fake);
        Http.Response well = call(sessionId);
        assertThat(well.status()).as(well.body()).isEqualTo(201);

        JsonNode calls = app.api.get("/v1/sessions/" + sessionId + "/calls").json();
        assertThat(calls).as("one record per attempt, none lost, none doubled").hasSize(4);
        for (JsonNode failedCall : List.of(fiveHundred, reset)) {
            JsonNode stored = app.api.get("/v1/calls/" + failedCall.get("callId").asString()).json();
            assertThat(stored.get("status").asString()).isEqualTo("failed");
            assertThat(stored.get("failureReason").asString()).isNotBlank();
        }
        assertThat(app.rows("sessions")).as("no half-made session").isEqualTo(sessions);
        assertThat(app.rows("parties")).isEqualTo(parties);
        assertThat(app.api.get("/v1/sessions/" + sessionId).json().get("status").asString()).isEqualTo("open");
        assertThat(app.jdbc().sql("select count(*) from events where type = 'call.carrier-error'").query(Integer.class)
                .single()).isEqualTo(2);

        String metrics = new Http(app.base, "faults-metrics-key").get("/actuator/prometheus").body();
        assertThat(metrics).contains("callmask_carrier_requests_seconds_count{application=\"callmask\",carrier=\"twilio\","
                + "operation=\"place-call\",outcome=\"error\"} 2\n")
                .contains("callmask_carrier_requests_seconds_count{application=\"callmask\",carrier=\"twilio\","
                        + "operation=\"place-call\",outcome=\"ok\"} 2\n")
                .contains("callmask_click_to_call_seconds_count{application=\"callmask\",carrier=\"twilio\","
                        + "outcome=\"carrier-error\"} 2\n");
    }

    private Http.Response call(String sessionId) {
        return app.api.post("/v1/sessions/" + sessionId + "/calls", "{\"from\":\"retailer\"}");
    }

    private static JsonNode failed(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(502);
        assertThat(response.body()).contains("carrier-error").doesNotContain("Exception");
        return response.json();
    }
}
