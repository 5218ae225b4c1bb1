package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The carrier conformance suite: the scenarios of the Twilio end-to-end tests, written once and run
 * for every adapter through its {@link CarrierDriver}. The carrier's REST API is a WireMock fake that
 * answers only requests of the documented shape; its webhooks are sent as the carrier sends them.
 * Each subclass picks a carrier and a database; {@link ConformanceTable} prints what passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceTable.class)
abstract class CarrierConformance {

    static final String EXPIRED = "This conversation has ended. Please use the app to reach them again.";
    static final String UNKNOWN = "Sorry, this number cannot connect your call. Please use the app to start a call.";
    static final String UNAVAILABLE =
            "The person you are calling is not available right now. Please try again later.";
    static final String CONSENT = "This call will be recorded for quality and safety.";

    final MutableClock clock = new MutableClock();
    CarrierDriver carrier;
    WireMockServer fake;
    CarrierApp app;

    abstract CarrierDriver driver();

    /** The database settings, e.g. {@link CarrierApp#h2}. */
    abstract List<String> database();

    /** The label of this run in the table, e.g. {@code H2}. */
    abstract String databaseLabel();

    @BeforeAll
    void start() {
        carrier = driver();
        fake = new WireMockServer(options().dynamicPort());
        fake.start();
        carrier.stub(fake);
        List<String> settings = new ArrayList<>(carrier.settings(fake.baseUrl()));
        settings.addAll(database());
        app = CarrierApp.start(clock, settings);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        fake.stop();
    }

    // --- click-to-call ---------------------------------------------------------------------------

    @Test
    void clickToCallAnsweredBridgesShowingOnlyMaskedNumbers() {
        Parties p = session(false);
        String callId = startCall(p, "retailer");
        var placed = carrier.placed(fake, p.retailer);
        assertThat(placed.from()).as("the retailer sees its own masked number").isEqualTo(p.retailerMasked);
        String callerSid = callerSid(placed);
        accepted(carrier.status(app, placed.statusUrl(), callerSid, "ringing", 1, null));

        var dial = carrier.answered(app, placed, callerSid);
        assertThat(dial.status()).as(dial.body()).isEqualTo(200);
        assertThat(dial.dialNumber()).isEqualTo(p.customer);
        assertThat(dial.callerId()).as("the customer sees its own masked number, or the caller's where the carrier "
                + "shows one caller ID on both legs").isEqualTo(carrier.oneCallerIdForBothLegs() ? p.retailerMasked
                        : p.customerMasked);
        assertThat(dial.recorded()).isFalse();
        assertThat(dial.said()).isEmpty();

        String calleeSid = carrier.newCallSid();
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "ringing", 1, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "in-progress", 2, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "completed", 3, 42));
        var end = carrier.dialEnded(app, dial, calleeSid, "completed", 42);
        assertThat(end.said()).isEmpty();
        assertThat(end.hangsUp()).isTrue();
        accepted(carrier.status(app, placed.statusUrl(), callerSid, "completed", 4, 50));

        JsonNode call = call(callId);
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(42);
        assertThat(call.get("carrier").asString()).isEqualTo(carrier.name());
        assertThat(call.toString()).doesNotContain(p.retailer, p.customer);
    }

    @Test
    void clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer() {
        if (notSupported("clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer")) {
            unreachableCustomer("busy", "failed"); // the carrier cannot tell busy: it must not claim it either
            return;
        }
        unreachableCustomer("busy");
    }

    @Test
    void clickToCallToACustomerWhoDoesNotAnswerEndsNoAnswer() {
        unreachableCustomer("no-answer");
    }

    private void unreachableCustomer(String outcome) {
        unreachableCustomer(outcome, outcome);
    }

    private void unreachableCustomer(String outcome, String reported) {
        Parties p = session(false);
        String callId = startCall(p, "retailer");
        var placed = carrier.placed(fake, p.retailer);
        String callerSid = callerSid(placed);
        var dial = carrier.answered(app, placed, callerSid);
        assertThat(dial.dialNumber()).isEqualTo(p.customer);
        String calleeSid = carrier.newCallSid();
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "ringing", 1, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, outcome, 2, 0));
        var end = carrier.dialEnded(app, dial, calleeSid, outcome, 0);
        assertThat(end.said()).containsExactly(UNAVAILABLE);
        assertThat(end.hangsUp()).isTrue();
        accepted(carrier.status(app, placed.statusUrl(), callerSid, "completed", 3, 5));
        assertThat(call(callId).get("status").asString()).isEqualTo(reported);
    }

    // --- dial-in -----------------------------------------------------------------------------------

    @Test
    void customerDialsInAndReachesTheRetailerUnderTheRetailersMaskedNumber() {
        Parties p = session(false);
        var dial = carrier.incoming(app, carrier.newCallSid(), p.customer, p.customerMasked);
        assertThat(dial.status()).as(dial.body()).isEqualTo(200);
        assertThat(dial.dialNumber()).isEqualTo(p.retailer);
        assertThat(dial.callerId()).isEqualTo(p.retailerMasked);
        assertThat(calls(p)).hasSize(1);
        assertThat(calls(p).get(0).get("direction").asString()).isEqualTo("dial-in");
        assertThat(calls(p).get(0).get("carrier").asString()).isEqualTo(carrier.name());
    }

    @Test
    void retailerDialsInAndReachesTheCustomerUnderTheCustomersMaskedNumber() {
        Parties p = session(false);
        String sid = carrier.newCallSid();
        var dial = carrier.incoming(app, sid, p.retailer, p.retailerMasked);
        assertThat(dial.dialNumber()).isEqualTo(p.customer);
        assertThat(dial.callerId()).isEqualTo(p.customerMasked);
        String calleeSid = carrier.newCallSid();
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "in-progress", 2, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "completed", 3, 17));
        carrier.dialEnded(app, dial, calleeSid, "completed", 17);
        assertThat(calls(p).get(0).get("status").asString()).isEqualTo("completed");
        assertThat(calls(p).get(0).get("durationSeconds").asInt()).isEqualTo(17);
    }

    @Test
    void aCallerOfAnExpiredSessionHearsItHasEndedAndNothingIsDialled() {
        Parties p = session(false, 60);
        clock.advance(Duration.ofMinutes(2));
        var reply = carrier.incoming(app, carrier.newCallSid(), p.customer, p.customerMasked);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.said()).containsExactly(EXPIRED);
        assertThat(reply.dials()).isFalse();
        assertThat(reply.hangsUp()).isTrue();
        assertThat(calls(p)).isEmpty();
    }

    @Test
    void aStrangerHearsAMessageAndNothingIsDialled() {
        int calls = app.rows("calls");
        var reply = carrier.incoming(app, carrier.newCallSid(), TestNumbers.mobile(), CarrierApp.POOL.get(0));
        assertThat(reply.said()).containsExactly(UNKNOWN);
        assertThat(reply.dials()).isFalse();
        assertThat(reply.hangsUp()).isTrue();
        assertThat(app.rows("calls")).isEqualTo(calls);
    }

    // --- the hub ----------------------------------------------------------------------------------

    @Test
    void aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled() {
        String retailer = TestNumbers.mobile();
        session(retailer, TestNumbers.mobile(), false, 3600); // its own number; the next ones go on the hub
        Parties second = session(retailer, TestNumbers.mobile(), false, 3600);
        Parties third = session(retailer, TestNumbers.mobile(), false, 3600);
        assertThat(List.of(second.retailerMasked, third.retailerMasked)).containsOnly(CarrierApp.HUB);

        String sid = carrier.newCallSid();
        var menu = carrier.incoming(app, sid, retailer, CarrierApp.HUB);
        assertThat(menu.menu()).isTrue();
        assertThat(menu.dials()).isFalse();
        assertThat(menu.said()).containsExactly("Please enter the order code, then press hash.");
        var bridged = carrier.digits(app, menu, sid, retailer, CarrierApp.HUB, orderCode(third));
        assertThat(bridged.dialNumber()).isEqualTo(third.customer);
        assertThat(bridged.callerId()).isEqualTo(third.customerMasked);

        // The customer calls back: the hub party hears which order before the bridge.
        var toHub = carrier.incoming(app, carrier.newCallSid(), second.customer, second.customerMasked);
        assertThat(toHub.dialNumber()).isEqualTo(retailer);
        assertThat(toHub.callerId()).isEqualTo(CarrierApp.HUB);
        if (notSupported("aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled")) {
            // no whisper on this carrier: the menu above works, the hub party is bridged without the order
            assertThat(toHub.whisperUrl()).isNull();
            return;
        }
        var whisper = carrier.whisper(app, toHub, carrier.newCallSid());
        assertThat(whisper.status()).as(whisper.body()).isEqualTo(200);
        // the reference's digits are spoken one by one ("ord-3 9 5 …")
        assertThat(whisper.said()).hasSize(1);
        assertThat(whisper.said().get(0).replace(" ", ""))
                .isEqualTo(("Call about order " + reference(second) + ".").replace(" ", ""));
        assertThat(whisper.dials()).isFalse();
    }

    // --- authenticity and ordering -----------------------------------------------------------------

    @Test
    void aForgedWebhookIsRefusedAndChangesNothing() {
        Parties p = session(false);
        int calls = app.rows("calls");
        int legs = app.rows("legs");
        int events = app.rows("events");
        var reply = carrier.forgedIncoming(app, carrier.newCallSid(), p.customer, p.customerMasked);
        assertThat(reply.status()).as(reply.body()).isEqualTo(carrier.refusedStatus());
        assertThat(reply.dials()).isFalse();
        assertThat(reply.body()).doesNotContain(p.retailer, p.customer);
        assertThat(app.rows("calls")).isEqualTo(calls);
        assertThat(app.rows("legs")).isEqualTo(legs);
        assertThat(app.rows("events")).isEqualTo(events);
    }

    @Test
    void repeatedAndOutOfOrderCallbacksEndInTheSameState() {
        Parties p = session(false);
        String callId = startCall(p, "retailer");
        var placed = carrier.placed(fake, p.retailer);
        String callerSid = callerSid(placed);
        accepted(carrier.status(app, placed.statusUrl(), callerSid, "completed", 4, 40));
        var dial = carrier.answered(app, placed, callerSid);
        String calleeSid = carrier.newCallSid();
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "completed", 3, 30));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "in-progress", 2, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "ringing", 1, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "completed", 3, 30));
        accepted(carrier.status(app, placed.statusUrl(), callerSid, "ringing", 1, null));
        carrier.dialEnded(app, dial, calleeSid, "completed", 30);

        JsonNode call = call(callId);
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(30);
        List<String> legs = new ArrayList<>();
        call.get("legs").forEach(l -> legs.add(l.get("role").asString() + "=" + l.get("status").asString()));
        assertThat(legs).containsExactlyInAnyOrder("caller=completed", "callee=completed");
    }

    // --- recording ---------------------------------------------------------------------------------

    @Test
    void aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy() {
        if (notSupported("aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy")) {
            recordingIsRefusedClearly();
            return;
        }
        Parties p = session(true);
        String sid = carrier.newCallSid();
        var dial = carrier.incoming(app, sid, p.customer, p.customerMasked);
        assertThat(dial.recorded()).isTrue();
        assertThat(dial.said()).as("the caller, before the dial").containsExactly(CONSENT);
        String calleeSid = carrier.newCallSid();
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "in-progress", 2, null));
        accepted(carrier.status(app, dial.calleeStatusUrl(), calleeSid, "completed", 3, 12));

        String recordingSid = carrier.newRecordingSid();
        var reported = carrier.recordingCompleted(app, dial, sid, recordingSid, 12);
        assertThat(reported.status()).as(reported.body()).isBetween(200, 204);
        // a repeat changes nothing
        carrier.recordingCompleted(app, dial, sid, recordingSid, 12);
        String callId = calls(p).get(0).get("id").asString();
        JsonNode recordings = app.operator.get("/v1/calls/" + callId + "/recordings").json();
        assertThat(recordings).hasSize(1);
        assertThat(recordings.get(0).get("status").asString()).isEqualTo("completed");
        assertThat(recordings.get(0).get("durationSeconds").asInt()).isEqualTo(12);

        String recordingId = recordings.get(0).get("id").asString();
        assertThat(app.api.get("/v1/recordings/" + recordingId + "/media", "audio/*").status()).isEqualTo(403);
        String path = carrier.stubRecordingAudio(fake, recordingSid, "RIFF-conformance-audio".getBytes());
        var audio = app.operator.get("/v1/recordings/" + recordingId + "/media", "audio/*");
        assertThat(audio.status()).as(audio.body()).isEqualTo(200);
        assertThat(audio.body()).isEqualTo("RIFF-conformance-audio");
        assertThat(fake.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)))).isNotEmpty();
    }

    /**
     * A carrier that cannot record: a recorded session's click-to-call is refused before anything
     * rings (problem+json), and a dial-in hears the unavailable message with nothing dialled and the
     * refusal in the events; no call is placed and no recording appears.
     */
    private void recordingIsRefusedClearly() {
        Parties p = session(true);
        int placed = fake.getAllServeEvents().size();
        var refused = app.api.post("/v1/sessions/" + p.sessionId + "/calls", "{\"from\":\"retailer\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:callmask:problem:carrier-cannot-record");
        assertThat(refused.body()).doesNotContain(p.retailer, p.customer);
        assertThat(fake.getAllServeEvents()).hasSize(placed);
        assertThat(calls(p)).isEmpty();

        var reply = carrier.incoming(app, carrier.newCallSid(), p.customer, p.customerMasked);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.dials()).isFalse();
        assertThat(reply.hangsUp()).isTrue();
        assertThat(reply.said()).containsExactly(
                "Sorry, we cannot connect your call right now. Please try again in a few minutes.");
        assertThat(app.jdbc().sql("select count(*) from events where type = 'call.carrier-cannot' and session_id = ?")
                .param(p.sessionId).query(Integer.class).single()).isEqualTo(1);
        calls(p).forEach(c -> assertThat(app.operator.get("/v1/calls/" + c.get("id").asString() + "/recordings")
                .json()).isEmpty());
    }

    /** Whether the driver says this scenario does not apply; if so the table marks it "not supported". */
    boolean notSupported(String scenario) {
        if (!carrier.notSupported().containsKey(scenario)) {
            return false;
        }
        ConformanceTable.notSupported(carrier.name() + " (" + databaseLabel() + ")", scenario,
                carrier.notSupported().get(scenario));
        return true;
    }

    // --- helpers -----------------------------------------------------------------------------------

    record Parties(String sessionId, String retailer, String customer, String retailerMasked, String customerMasked) {}

    Parties session(boolean record) {
        return session(record, 3600);
    }

    Parties session(boolean record, int ttlSeconds) {
        return session(TestNumbers.mobile(), TestNumbers.mobile(), record, ttlSeconds);
    }

    Parties session(String retailer, String customer, boolean record, int ttlSeconds) {
        var r = app.api.post("/v1/sessions", """
                {"reference":"ord-%s","ttlSeconds":%d,"record":%s,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}"""
                .formatted(customer.substring(5), ttlSeconds, record, retailer, customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = r.json();
        return new Parties(s.get("id").asString(), retailer, customer, masked(s, "retailer"), masked(s, "customer"));
    }

    static String masked(JsonNode session, String role) {
        for (JsonNode p : session.get("parties")) {
            if (p.get("role").asString().equals(role)) {
                return p.get("maskedNumber").asString();
            }
        }
        throw new AssertionError("no party " + role);
    }

    String orderCode(Parties p) {
        return app.api.get("/v1/sessions/" + p.sessionId).json().get("orderCode").asString();
    }

    String reference(Parties p) {
        return app.api.get("/v1/sessions/" + p.sessionId).json().get("reference").asString();
    }

    String startCall(Parties p, String from) {
        var r = app.api.post("/v1/sessions/" + p.sessionId + "/calls", "{\"from\":\"" + from + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    String callerSid(CarrierDriver.PlacedCall placed) {
        return placed.carrierSid() != null ? placed.carrierSid() : carrier.newCallSid();
    }

    JsonNode call(String id) {
        return app.api.get("/v1/calls/" + id).json();
    }

    List<JsonNode> calls(Parties p) {
        List<JsonNode> calls = new ArrayList<>();
        app.api.get("/v1/sessions/" + p.sessionId + "/calls").json().forEach(calls::add);
        return calls;
    }

    static void accepted(CarrierDriver.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 204);
    }
}
