package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The abuse rules over real HTTP: a retailer's burst of short unanswered calls raises an alert and
 * blocks it until an operator lifts the block; calls outside the customer's hours are refused. Its
 * own application (lower thresholds, the hours rule on), so no other scenario is affected.
 */
@TestPropertySource(properties = {
        "callmask.operator-keys=" + AbuseScenarios.OPERATOR_KEY,
        "callmask.abuse.short-call-burst.calls=3",
        "callmask.abuse.short-call-burst.window=30m",
        "callmask.abuse.short-call-burst.block-for=2h",
        "callmask.abuse.outside-hours.enabled=true",
        "callmask.abuse.outside-hours.allowed-hours=08:00-21:00"})
abstract class AbuseScenarios extends EndToEndTestBase {

    static final String OPERATOR_KEY = "it-operator-key";
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final String BLOCKED_MESSAGE =
            "Sorry, calls from your account are paused for now. Please contact support.";

    @Test
    void shortUnansweredCallsBlockTheRetailerUntilAnOperatorLiftsTheBlock() {
        moveClockTo(LocalTime.of(11, 0));
        Http operator = new Http(api.base(), OPERATOR_KEY);
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("busy", null);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "accepted");
        String sessionId = null;
        for (int i = 0; i < 3; i++) {
            JsonNode placed = maskedCall(order, retailer);
            sessionId = placed.get("sessionId").asString();
            awaitCallStatus(placed.get("callId").asString(), "busy");
        }
        String session = sessionId;

        // The rules run after the call's last status report; the event is the last thing a hit writes.
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/v1/events?type=abuse.alert&sessionId=" + session).json().size() == 1);
        var alerts = api.get("/v1/alerts?retailerId=" + retailer + "&rule=short-call-burst");
        JsonNode alert = alerts.json().get(0);
        assertThat(alert.get("rule").asString()).isEqualTo("short-call-burst");
        assertThat(alert.get("sessionId").asString()).isEqualTo(session);
        assertThat(alert.get("detail").asString()).startsWith("Retailer '" + retailer + "' placed 3 calls shorter than 10 s within 30 min.");
        assertThat(alerts.body()).doesNotContain(customerPhone).doesNotContain(retailerPhone);
        assertThat(api.get("/v1/events?type=abuse.alert&sessionId=" + session).json().get(0).get("detail").asString())
                .startsWith("[short-call-burst] Retailer '" + retailer + "'").doesNotContain(customerPhone);
        JsonNode block = operator.get("/v1/retailers/" + retailer + "/block").json();
        assertThat(block.get("blocked").asBoolean()).isTrue();
        assertThat(block.get("alertId").asLong()).isEqualTo(alert.get("id").asLong());
        expectProblem(api.get("/v1/retailers/" + retailer + "/block"), 403, "operator-only");

        String newOrder = order(retailer, customerPhone, "placed");
        HttpResponse<String> refused = send("POST", "/v1/masked-calls", API_KEY,
                "{\"orderId\":\"" + newOrder + "\",\"retailerId\":\"" + retailer + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"urn:callmask:problem:retailer-blocked\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(Duration.ofHours(2).toSeconds() - 120, Duration.ofHours(2).toSeconds());
        expectProblem(api.post("/v1/sessions/" + session + "/calls", "{\"from\":\"retailer\"}"), 403, "retailer-blocked");
        assertThat(api.get("/v1/sessions?reference=" + newOrder).json().size()).as("no session written").isZero();
        assertThat(api.get("/v1/sessions/" + session + "/calls").json().size()).as("no call written").isEqualTo(3);
        assertThat(callsSeenBy(retailerPhone)).hasSize(3);

        String sid = dial(retailerPhone, masked(api.get("/v1/sessions/" + session).json(), "retailer"));
        assertThat(awaitPhoneCallBySid(retailerPhone, sid, "completed").get("heard").get(0).asString())
                .isEqualTo(BLOCKED_MESSAGE);
        assertThat(callsSeenBy(customerPhone)).as("the dial-in was not bridged").hasSize(3);

        assertThat(send("DELETE", "/v1/retailers/" + retailer + "/block", OPERATOR_KEY, null).statusCode())
                .isEqualTo(204);
        assertThat(operator.get("/v1/retailers/" + retailer + "/block").json().get("blocked").asBoolean()).isFalse();
        JsonNode again = maskedCall(newOrder, retailer);
        awaitCallStatus(again.get("callId").asString(), "busy");
    }

    @Test
    void aCallAtNightInTheCustomersTimeZoneIsRefusedAndAlerted() {
        moveClockTo(LocalTime.of(22, 30));
        try {
            String retailerPhone = phone("auto", null);
            String customerPhone = phone("auto", null);
            String retailer = retailer(retailerPhone);
            String order = order(retailer, customerPhone, "accepted");

            HttpResponse<String> refused = send("POST", "/v1/masked-calls", API_KEY,
                    "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"}");

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("\"type\":\"urn:callmask:problem:outside-allowed-hours\"")
                    .doesNotContain(customerPhone);
            long untilEight = Duration.ofMinutes(9 * 60 + 30).toSeconds();
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(untilEight - 120, untilEight);
            assertThat(api.get("/v1/sessions?reference=" + order).json().size()).isZero();
            assertThat(callsSeenBy(retailerPhone)).isEmpty();
            JsonNode alerts = api.get("/v1/alerts?rule=outside-hours&retailerId=" + retailer).json();
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).get("detail").asString()).isEqualTo("Retailer '" + retailer
                    + "' tried to call a customer at 22:30 in the customer's time zone (Asia/Calcutta); "
                    + "calls are allowed 08:00-21:00.");
            assertThat(api.get("/v1/alerts?rule=outside-hours&since=" + clock.instant().plusSeconds(60)).json().size())
                    .isZero();
            expectProblem(api.get("/v1/alerts?rule=bedtime"), 400, "invalid-rule");
            expectProblem(api.get("/v1/alerts?since=yesterday"), 400, "invalid-since");
        } finally {
            moveClockTo(LocalTime.of(11, 0));
        }
    }

    @Test
    void theAbuseApiIsDocumentedWithoutTheAuthenticatedCallerAsAParameter() {
        JsonNode paths = emulator.get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/v1/alerts", "/v1/retailers/{id}/block");
        assertThat(paths.get("/v1/alerts").toString()).contains("\"retailerId\"", "\"since\"")
                .doesNotContain("\"caller\"");
        assertThat(paths.get("/v1/retailers/{id}/block").toString()).doesNotContain("\"caller\"");
    }

    /** Moves the application's clock forward to the next time the clock in India shows {@code local}. */
    private void moveClockTo(LocalTime local) {
        ZonedDateTime now = clock.instant().atZone(INDIA);
        ZonedDateTime target = now.with(local);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        clock.advance(Duration.between(now, target));
    }

    private JsonNode maskedCall(String order, String retailer) {
        var r = api.post("/v1/masked-calls", "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A request whose response headers the test reads (Retry-After); {@code json} may be null. */
    private HttpResponse<String> send(String method, String path, String key, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:" + type);
    }
}
