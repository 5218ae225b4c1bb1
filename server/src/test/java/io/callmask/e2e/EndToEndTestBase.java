package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Http;
import io.callmask.support.TwilioSigner;
import java.util.LinkedHashMap;
import java.util.Map;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Starts callmask on a random port with the emulator playing Twilio, and talks to both over real
 * HTTP only. Subclasses choose the database. Every test uses fresh phone numbers, so tests share
 * one application without seeing each other's calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + EndToEndTestBase.API_KEY,
        "callmask.operator-keys=" + EndToEndTestBase.OPERATOR_KEY,
        "callmask.twilio.auth-token=" + EndToEndTestBase.AUTH_TOKEN,
        "emulator.time-scale=0.05",
        "callmask.calls.ring-timeout=20s",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005,"
                + EndToEndTestBase.US_NUMBER,
        "callmask.hubs=" + EndToEndTestBase.HUB,
        "callmask.allocation.hub-threshold=3",
        "callmask.data-dir=target/it-data",
        // High enough that no scenario meets a rate limit unless it sets a low one itself.
        "callmask.limits.retailer-calls-per-hour=100000",
        "callmask.limits.customer-calls-per-day=100000",
        "spring.main.banner-mode=off"})
@Import(EndToEndTestBase.Clocks.class)
abstract class EndToEndTestBase {

    static final String API_KEY = "it-api-key";
    static final String OPERATOR_KEY = "it-operator-key";
    static final String AUTH_TOKEN = "it-auth-token";
    static final String HUB = "+918047180099";
    static final String US_NUMBER = "+14155550100";
    /** Twilio's connection overrides on our report callbacks, as they appear in TwiML. */
    static final String RETRY = "#rc=3&amp;rp=5xx,ct,rt";
    static final List<String> POOL =
            List.of("+918047180001", "+918047180002", "+918047180003", "+918047180004", "+918047180005");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Http api;
    Http operator;
    Http emulator;

    @BeforeEach
    void connect() {
        api = new Http("http://localhost:" + port, API_KEY);
        operator = new Http("http://localhost:" + port, OPERATOR_KEY);
        emulator = new Http("http://localhost:" + port, null);
    }

    // --- the platform's side -------------------------------------------------------------------

    String retailer(String phone) {
        String id = "r-" + phone.substring(4);
        assertThat(api.put("/v1/retailers/" + id, """
                {"name":"Retailer %s","phone":"%s"}""".formatted(id, phone)).status()).isIn(200, 201);
        return id;
    }

    String order(String retailerId, String customerPhone, String status) {
        String id = "o-" + customerPhone.substring(4) + "-" + System.nanoTime() % 100_000;
        var r = api.put("/v1/orders/" + id, """
                {"retailerId":"%s","customerPhone":"%s","status":"%s"}""".formatted(retailerId, customerPhone, status));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return id;
    }

    JsonNode session(String reference, String retailerPhone, String customerPhone) {
        return session(reference, retailerPhone, customerPhone, null);
    }

    JsonNode session(String reference, String retailerPhone, String customerPhone, Integer ttlSeconds) {
        var r = api.post("/v1/sessions", """
                {"reference":"%s","ttlSeconds":%s,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}"""
                .formatted(reference, ttlSeconds, retailerPhone, customerPhone));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    static String masked(JsonNode session, String role) {
        for (JsonNode p : session.get("parties")) {
            if (p.get("role").asString().equals(role)) {
                return p.get("maskedNumber").asString();
            }
        }
        throw new AssertionError("no party " + role);
    }

    JsonNode startCall(String sessionId, String from) {
        var r = api.post("/v1/sessions/" + sessionId + "/calls", "{\"from\":\"" + from + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode awaitCallStatus(String callId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/calls/" + callId).json()
                .get("status").asString().equals(status));
        return api.get("/v1/calls/" + callId).json();
    }

    // --- the phones (the emulator's control API) -----------------------------------------------

    String phone(String mode, Double hangupAfterSeconds) {
        return phone(TestNumbers.mobile(), mode, hangupAfterSeconds, null);
    }

    String phone(String number, String mode, Double hangupAfterSeconds, String pendingDigits) {
        var r = emulator.put("/emulator/phones/" + Http.enc(number), """
                {"answer":"%s","answerAfterSeconds":1,"hangupAfterSeconds":%s,"pendingDigits":%s}"""
                .formatted(mode, hangupAfterSeconds, pendingDigits == null ? "null" : "\"" + pendingDigits + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return number;
    }

    List<JsonNode> callsSeenBy(String number) {
        List<JsonNode> calls = new ArrayList<>();
        emulator.get("/emulator/phones/" + Http.enc(number)).json().get("calls").forEach(calls::add);
        return calls;
    }

    JsonNode awaitPhoneCall(String number, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> callsSeenBy(number).stream()
                .anyMatch(c -> c.get("status").asString().equals(status)));
        return callsSeenBy(number).stream().filter(c -> c.get("status").asString().equals(status)).findFirst()
                .orElseThrow();
    }

    JsonNode awaitPhoneCallBySid(String number, String callSid, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> callsSeenBy(number).stream().anyMatch(c ->
                c.get("callSid").asString().equals(callSid) && c.get("status").asString().equals(status)));
        return callsSeenBy(number).stream().filter(c -> c.get("callSid").asString().equals(callSid)).findFirst()
                .orElseThrow();
    }

    String dial(String fromNumber, String to) {
        var r = emulator.post("/emulator/phones/" + Http.enc(fromNumber) + "/dial", "{\"to\":\"" + to + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("callSid").asString();
    }

    // --- Twilio's side, played by the test: signed webhooks ------------------------------------

    Http.Response voice(String from, String to, String callSid) {
        Map<String, String> params = voiceParams(from, to, callSid);
        return api.postForm("/webhooks/twilio/voice", params,
                TwilioSigner.sign(AUTH_TOKEN, api.base() + "/webhooks/twilio/voice", params));
    }

    /** A signed form POST to one of our Twilio webhooks; {@code pathAndQuery} starts with /webhooks. */
    Http.Response webhook(String pathAndQuery, Map<String, String> params) {
        return api.postForm(pathAndQuery, params, TwilioSigner.sign(AUTH_TOKEN, api.base() + pathAndQuery, params));
    }

    static Map<String, String> voiceParams(String from, String to, String callSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("To", to);
        params.put("Caller", from);
        params.put("Called", to);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /**
     * Waits until the call reached {@code status} with {@code legs} legs and its priced legs ended:
     * all of them, but a dial-in's incoming leg, which Twilio does not report and which is estimated.
     */
    JsonNode awaitPriced(String callId, String status, int legs) {
        await().atMost(Duration.ofSeconds(20)).alias(callId).until(() -> {
            JsonNode call = api.get("/v1/calls/" + callId).json();
            if (!call.get("status").asString().equals(status) || call.get("legs").size() != legs) {
                return false;
            }
            for (JsonNode leg : call.get("legs")) {
                boolean incoming = call.get("direction").asString().equals("dial-in")
                        && leg.get("role").asString().equals("caller");
                if (!incoming && (leg.get("endedAt") == null || leg.get("endedAt").isNull())) {
                    return false;
                }
            }
            return true;
        });
        return api.get("/v1/calls/" + callId).json();
    }
}
