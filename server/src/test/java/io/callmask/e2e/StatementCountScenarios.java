package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A guard on the hot paths: how many round trips to the database (and commits) one request of each kind costs, on
 * the request's thread, counted by a JDBC proxy (never by time, so it cannot flake). A change that adds a
 * statement fails here; one that removes one does too, so the budget is lowered on purpose. Each counts the steady
 * state: the same parties already made one such request (so a retailer's rate-limit bucket exists, as it does for
 * any retailer who called today), and every party is new to the suite's shared app. Run on H2
 * ({@link H2StatementCountIT}) and PostgreSQL ({@link PostgresStatementCountIT}), whose budgets may differ.
 */
@TestPropertySource(properties = "callmask.test.count-statements=true")
abstract class StatementCountScenarios extends EndToEndTestBase {

    /** The budget of one request: round trips (statements, commits and rollbacks sent), commits, rollbacks. */
    record Budget(int roundTrips, int commits, int rollbacks) {}

    // H2's figures (docs/benchmarks.md explains each, with the figures before the speed work); a subclass overrides
    // one where its database differs. Lower a budget when a change saves a statement; a change that adds one must
    // say why here. Commits count auto-committed statements too.
    Budget sessionCreation() {
        return new Budget(6, 2, 0);
    }

    /** A customer dialling its retailer: no rate limit applies. */
    Budget dialInBridge() {
        return new Budget(4, 2, 0);
    }

    /** A retailer dialling its customer: the retailer's and the customer's limits are taken, as for a click-to-call. */
    Budget retailerDialInBridge() {
        return new Budget(10, 3, 0);
    }

    Budget statusCallback() {
        return new Budget(4, 1, 0);
    }

    /**
     * The report that ends a leg costs one read more than a progress report: the call with its legs, once per
     * leg, to count the leg and the call by their final status (callmask.legs.ended, callmask.calls.ended).
     */
    Budget endingStatusCallback() {
        return new Budget(5, 2, 0);
    }

    Budget clickToCallStart() {
        return new Budget(12, 6, 0);
    }

    /**
     * Closing an open session (H2): one transaction: the session read, the session ended, per route a release
     * remembered (delete and insert) and the route freed, its hub routes freed and its hub parties' counts of open
     * hub sessions lowered, the commit.
     */
    Budget sessionClose() {
        return new Budget(11, 1, 0);
    }

    /**
     * A pool number's own status callback (Twilio's report of a dial-in's incoming leg): the call read by its
     * leg's carrier id (one statement), then the ending report's transaction (the leg exists: no insert), then the
     * call read again to count it as ended.
     */
    Budget numberStatusCallback() {
        return new Budget(5, 3, 0);
    }

    @Autowired
    StatementCounter counter;

    @Test
    void creatingASessionCostsItsBudget() {
        String id = UUID.randomUUID().toString();
        var r = counted(id).post("/v1/sessions", """
                {"reference":"count-%s","parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}"""
                .formatted(System.nanoTime(), TestNumbers.mobile(), TestNumbers.mobile()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertWithin(id, sessionCreation());
    }

    @Test
    void aDialInBridgeCostsItsBudget() {
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        JsonNode session = freshSession(retailer, customer);
        assertThat(voice(customer, masked(session, "customer"), callSid()).body()).contains("<Dial");
        String id = UUID.randomUUID().toString();
        var answer = countedWebhook(id, "/webhooks/twilio/voice",
                voiceParams(customer, masked(session, "customer"), callSid()));
        assertThat(answer.body()).contains("<Dial", retailer);
        assertWithin(id, dialInBridge());
    }

    @Test
    void aRetailersDialInBridgeCostsItsBudget() {
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        JsonNode session = freshSession(retailer, customer);
        assertThat(voice(retailer, masked(session, "retailer"), callSid()).body()).contains("<Dial");
        String id = UUID.randomUUID().toString();
        var answer = countedWebhook(id, "/webhooks/twilio/voice",
                voiceParams(retailer, masked(session, "retailer"), callSid()));
        assertThat(answer.body()).contains("<Dial", customer);
        assertWithin(id, retailerDialInBridge());
    }

    @Test
    void aStatusCallbackCostsItsBudget() {
        assertWithin(countedStatusCallback("in-progress", null), statusCallback());
    }

    @Test
    void aStatusCallbackThatEndsALegCostsItsBudget() {
        assertWithin(countedStatusCallback("completed", "30"), endingStatusCallback());
    }

    /** A bridged dial-in's caller leg reported {@code status}, counted; returns the count's id. */
    private String countedStatusCallback(String status, String duration) {
        String customer = TestNumbers.mobile();
        JsonNode session = freshSession(TestNumbers.mobile(), customer);
        String sid = callSid();
        assertThat(voice(customer, masked(session, "customer"), sid).body()).contains("<Dial");
        String callId = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().get(0).get("id")
                .asString();
        String id = UUID.randomUUID().toString();
        var r = countedWebhook(id, "/webhooks/twilio/status?call=" + callId + "&leg=caller",
                statusParams(sid, status, duration));
        assertThat(r.status()).as(r.body()).isIn(200, 204);
        return id;
    }

    /** A Twilio status callback's form for leg {@code sid}; {@code duration} null: none. */
    private static Map<String, String> statusParams(String sid, String status, String duration) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("CallStatus", status);
        if (duration != null) {
            params.put("CallDuration", duration);
        }
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    @Test
    void closingASessionCostsItsBudget() {
        JsonNode session = freshSession(TestNumbers.mobile(), TestNumbers.mobile());
        String id = UUID.randomUUID().toString();
        var r = counted(id).post("/v1/sessions/" + session.get("id").asString() + "/close", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("closed");
        assertWithin(id, sessionClose());
    }

    @Test
    void aNumbersOwnStatusCallbackCostsItsBudget() {
        String customer = TestNumbers.mobile();
        JsonNode session = freshSession(TestNumbers.mobile(), customer);
        String sid = callSid();
        assertThat(voice(customer, masked(session, "customer"), sid).body()).contains("<Dial");
        String id = UUID.randomUUID().toString();
        var r = countedWebhook(id, "/webhooks/twilio/status", statusParams(sid, "completed", "30"));
        assertThat(r.status()).as(r.body()).isIn(200, 204);
        assertWithin(id, numberStatusCallback());
    }

    @Test
    void startingAClickToCallCostsItsBudget() {
        JsonNode session = freshSession(TestNumbers.mobile(), TestNumbers.mobile());
        String calls = "/v1/sessions/" + session.get("id").asString() + "/calls";
        assertThat(api.post(calls, "{\"from\":\"retailer\"}").status()).isEqualTo(201);
        String id = UUID.randomUUID().toString();
        var r = counted(id).post("/v1/sessions/" + session.get("id").asString() + "/calls", "{\"from\":\"retailer\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertWithin(id, clickToCallStart());
    }

    private void assertWithin(String id, Budget budget) {
        // The filter files the counts after the response is sent: wait for that, not for time.
        StatementCounter.Counts counts = await().atMost(Duration.ofSeconds(10)).until(() -> counter.of(id),
                java.util.Objects::nonNull);
        assertThat(new Budget(counts.roundTrips(), counts.commits(), counts.rollbacks()))
                .as("round trips, commits and rollbacks; sent:\n  %s", counts).isEqualTo(budget);
    }

    /** A session whose parties' ids are new to the shared app (their limits' buckets too). */
    private JsonNode freshSession(String retailer, String customer) {
        String tag = Long.toString(System.nanoTime());
        var r = api.post("/v1/sessions", """
                {"reference":"count-%s","parties":[
                  {"role":"retailer","id":"r-%s","number":"%s"},
                  {"role":"customer","id":"c-%s","number":"%s"}]}""".formatted(tag, tag, retailer, tag, customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Http counted(String id) {
        return api.withHeader(StatementCounter.HEADER, id);
    }

    private Http.Response countedWebhook(String id, String pathAndQuery, Map<String, String> params) {
        return counted(id).postForm(pathAndQuery, params,
                TwilioSigner.sign(AUTH_TOKEN, api.base() + pathAndQuery, params));
    }

    private static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }
}
