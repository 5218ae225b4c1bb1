package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The core scenarios over real HTTP: the platform's API, Twilio's protocol played by the emulator,
 * and the virtual phones' screens as the proof of masking. Run on H2 and on PostgreSQL.
 */
abstract class MaskedCallingScenarios extends EndToEndTestBase {

    @Test
    void clickToCallAnsweredShowsEachPhoneOnlyMaskedNumbers() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 20.0);
        JsonNode session = session("order-c2c-" + System.nanoTime(), retailerPhone, customerPhone);

        JsonNode call = startCall(session.get("id").asString(), "retailer");
        assertThat(call.get("direction").asString()).isEqualTo("click-to-call");

        JsonNode done = awaitCallStatus(call.get("id").asString(), "completed");
        // 20 emulated seconds of talk; at time-scale 0.05 a millisecond of scheduling delay is 20 ms of call.
        assertThat(done.get("durationSeconds").asInt()).isBetween(20, 22);
        assertThat(done.get("answeredAt").isNull()).isFalse();

        JsonNode retailerScreen = awaitPhoneCall(retailerPhone, "completed");
        JsonNode customerScreen = awaitPhoneCall(customerPhone, "completed");
        assertThat(retailerScreen.get("callerId").asString()).isEqualTo(masked(session, "retailer"));
        assertThat(customerScreen.get("callerId").asString()).isEqualTo(masked(session, "customer"));
        assertThat(POOL).contains(retailerScreen.get("callerId").asString(), customerScreen.get("callerId").asString());
        assertThat(retailerScreen.toString()).doesNotContain(customerPhone);
        assertThat(customerScreen.toString()).doesNotContain(retailerPhone);
    }

    @Test
    void customerBusyEndsTheCallBusyAndTellsTheRetailer() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("busy", null);
        JsonNode session = session("order-busy-" + System.nanoTime(), retailerPhone, customerPhone);

        JsonNode call = startCall(session.get("id").asString(), "retailer");

        JsonNode done = awaitCallStatus(call.get("id").asString(), "busy");
        assertThat(done.get("answeredAt")).isNull();
        awaitLegs(call.get("id").asString(), "caller:completed", "callee:busy");
        JsonNode retailerScreen = awaitPhoneCall(retailerPhone, "completed");
        assertThat(retailerScreen.get("heard").get(0).asString())
                .isEqualTo("The person you are calling is not available right now. Please try again later.");
    }

    @Test
    void customerNotAnsweringEndsTheCallAsNoAnswer() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("no-answer", null);
        JsonNode session = session("order-noans-" + System.nanoTime(), retailerPhone, customerPhone);

        JsonNode call = startCall(session.get("id").asString(), "retailer");

        awaitCallStatus(call.get("id").asString(), "no-answer");
        awaitLegs(call.get("id").asString(), "caller:completed", "callee:no-answer");
    }

    @Test
    void retailerNeverAnsweringNeverRingsTheCustomer() {
        String retailerPhone = phone("no-answer", null);
        String customerPhone = phone("auto", null);
        JsonNode session = session("order-ret-noans-" + System.nanoTime(), retailerPhone, customerPhone);

        JsonNode call = startCall(session.get("id").asString(), "retailer");

        JsonNode done = awaitCallStatus(call.get("id").asString(), "no-answer");
        assertThat(legStatuses(done)).containsExactly("caller:no-answer");
        assertThat(callsSeenBy(customerPhone)).isEmpty();
    }

    @Test
    void customerDialsInAndReachesTheRetailerUnderTheRetailersMaskedNumber() {
        String retailerPhone = phone("auto", 10.0);
        String customerPhone = phone("auto", null);
        JsonNode session = session("order-in-c-" + System.nanoTime(), retailerPhone, customerPhone);

        String callerSid = dial(customerPhone, masked(session, "customer"));

        JsonNode retailerScreen = awaitPhoneCall(retailerPhone, "completed");
        assertThat(retailerScreen.get("callerId").asString()).isEqualTo(masked(session, "retailer"));
        JsonNode calls = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json();
        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.get(0).get("direction").asString()).isEqualTo("dial-in");
        String callId = calls.get(0).get("id").asString();
        awaitCallStatus(callId, "completed");
        // the caller's own leg ends through the number's status callback, with the carrier's duration
        await().atMost(Duration.ofSeconds(10)).until(() -> legStatuses(api.get("/v1/calls/" + callId).json())
                .contains("caller:completed"));
        JsonNode carried = emulator.get("/emulator/calls/" + callerSid).json();
        JsonNode callerLeg = api.get("/v1/calls/" + callId).json().get("legs").valueStream()
                .filter(l -> l.get("role").asString().equals("caller")).findFirst().orElseThrow();
        assertThat(callerLeg.get("carrierSid").asString()).isEqualTo(callerSid);
        assertThat(callerLeg.get("durationSeconds").asInt()).isEqualTo(carried.get("durationSeconds").asInt())
                .isPositive();
    }

    @Test
    void retailerDialsInAndReachesTheCustomerUnderTheCustomersMaskedNumber() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 5.0);
        JsonNode session = session("order-in-r-" + System.nanoTime(), retailerPhone, customerPhone);

        dial(retailerPhone, masked(session, "retailer"));

        JsonNode customerScreen = awaitPhoneCall(customerPhone, "completed");
        assertThat(customerScreen.get("callerId").asString()).isEqualTo(masked(session, "customer"));
    }

    @Test
    void expiredSessionTellsTheCallerAndDialsNobody() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", null);
        JsonNode session = session("order-exp-" + System.nanoTime(), retailerPhone, customerPhone, 120);

        clock.advance(Duration.ofSeconds(121));
        dial(customerPhone, masked(session, "customer"));

        JsonNode heard = awaitPhoneCall(customerPhone, "completed");
        assertThat(heard.get("heard").get(0).asString())
                .isEqualTo("This conversation has ended. Please use the app to reach them again.");
        assertThat(callsSeenBy(retailerPhone)).isEmpty();
        assertThat(api.get("/v1/sessions/" + session.get("id").asString()).json().get("status").asString())
                .isEqualTo("expired");
        assertThat(api.get("/v1/events?type=dial-in.rejected").body()).contains("session-ended");
    }

    @Test
    void strangerDiallingAMaskedNumberHearsAMessageAndNothingIsDialled() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", null);
        JsonNode session = session("order-str-" + System.nanoTime(), retailerPhone, customerPhone);
        String stranger = phone("auto", null);

        dial(stranger, masked(session, "customer"));

        JsonNode heard = awaitPhoneCall(stranger, "completed");
        assertThat(heard.get("heard").get(0).asString())
                .isEqualTo("Sorry, this number cannot connect your call. Please use the app to start a call.");
        assertThat(callsSeenBy(retailerPhone)).isEmpty();
        assertThat(callsSeenBy(customerPhone)).isEmpty();
        assertThat(api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().size()).isZero();
    }

    @Test
    void twoSessionsOfOneRetailerRouteByMaskedNumber() {
        String retailerPhone = phone("auto", 2.0);
        String firstCustomer = phone("auto", null);
        String secondCustomer = phone("auto", null);
        JsonNode first = session("order-two-a-" + System.nanoTime(), retailerPhone, firstCustomer);
        JsonNode second = session("order-two-b-" + System.nanoTime(), retailerPhone, secondCustomer);
        assertThat(masked(first, "retailer")).isNotEqualTo(masked(second, "retailer"));

        dial(retailerPhone, masked(second, "retailer"));
        awaitPhoneCall(secondCustomer, "completed");
        dial(retailerPhone, masked(first, "retailer"));
        awaitPhoneCall(firstCustomer, "completed");

        assertThat(callsSeenBy(firstCustomer)).hasSize(1);
        assertThat(callsSeenBy(secondCustomer)).hasSize(1);
        assertThat(callsSeenBy(firstCustomer).get(0).get("callerId").asString()).isEqualTo(masked(first, "customer"));
        assertThat(callsSeenBy(secondCustomer).get(0).get("callerId").asString()).isEqualTo(masked(second, "customer"));
    }

    @Test
    void manyCallsInOneSessionAreEachRecorded() {
        String retailerPhone = phone("auto", 3.0);
        String customerPhone = phone("auto", null);
        JsonNode session = session("order-many-" + System.nanoTime(), retailerPhone, customerPhone);
        String id = session.get("id").asString();

        for (int i = 0; i < 3; i++) {
            awaitCallStatus(startCall(id, i % 2 == 0 ? "retailer" : "customer").get("id").asString(), "completed");
        }
        dial(customerPhone, masked(session, "customer"));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/sessions/" + id + "/calls").json().size() == 4);

        JsonNode calls = api.get("/v1/sessions/" + id + "/calls").json();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/v1/calls/" + calls.get(0).get("id").asString()).json().get("status").asString().equals("completed"));
        // Each click-to-call rings both phones; the dial-in rings the retailer.
        assertThat(callsSeenBy(retailerPhone)).hasSize(4)
                .allSatisfy(c -> assertThat(c.get("callerId").asString()).isEqualTo(masked(session, "retailer")));
        assertThat(callsSeenBy(customerPhone)).hasSize(4);
    }

    @Test
    void closingAnswersTheSessionAsItEnds() {
        JsonNode open = session("order-close-" + System.nanoTime(), TestNumbers.mobile(), TestNumbers.mobile());
        String id = open.get("id").asString();

        var closed = api.post("/v1/sessions/" + id + "/close", "");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(closed.json().get("parties")).as("the parties, with their masked numbers")
                .isEqualTo(open.get("parties"));
        clock.advance(Duration.ofSeconds(5));
        var again = api.post("/v1/sessions/" + id + "/close", "");
        assertThat(again.json().get("status").asString()).as("closed once").isEqualTo("closed");
        assertThat(again.json().get("endedAt").asString()).isEqualTo(closed.json().get("endedAt").asString());

        JsonNode due = session("order-close-due-" + System.nanoTime(), TestNumbers.mobile(), TestNumbers.mobile(), 60);
        clock.advance(Duration.ofSeconds(61));
        var late = api.post("/v1/sessions/" + due.get("id").asString() + "/close", "");
        assertThat(late.json().get("status").asString()).as("past its expiry: it expired, it was not closed")
                .isEqualTo("expired");
        assertThat(late.json().get("endedAt").asString()).isEqualTo(due.get("expiresAt").asString());

        assertThat(api.post("/v1/sessions/ses_no_such_session/close", "").status()).isEqualTo(404);
    }

    @Test
    void sessionIsIdempotentPerReferenceAndParties() {
        String retailerPhone = TestNumbers.mobile();
        String customerPhone = TestNumbers.mobile();
        String reference = "order-idem-" + System.nanoTime();
        JsonNode first = session(reference, retailerPhone, customerPhone);
        var again = api.post("/v1/sessions", """
                {"reference":"%s","parties":[{"role":"customer","id":"c1","number":"%s"},
                 {"role":"retailer","id":"r1","number":"%s"}]}""".formatted(reference, customerPhone, retailerPhone));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(api.get("/v1/sessions?reference=" + reference).json().size()).isEqualTo(1);

        var closed = api.post("/v1/sessions/" + first.get("id").asString() + "/close", "");
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        JsonNode read = api.get("/v1/sessions/" + first.get("id").asString()).json();
        for (String field : List.of("createdAt", "expiresAt", "endedAt")) {
            assertThat(read.get(field).asString()).as("%s: the answer to close and a later read agree", field)
                    .isEqualTo(closed.json().get(field).asString());
        }
        assertThat(first.get("createdAt").asString()).as("the answer to create and a later read agree")
                .isEqualTo(read.get("createdAt").asString());
        JsonNode reopened = session(reference, retailerPhone, customerPhone);
        assertThat(reopened.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(masked(reopened, "customer")).as("sticky").isEqualTo(masked(first, "customer"));
    }

    @Test
    void aPartyGetsADifferentMaskedNumberInEachOpenSessionThenTheHubWhenThePoolRunsOut() {
        String busyCustomer = TestNumbers.mobile();
        List<String> customerNumbers = new java.util.ArrayList<>();
        for (int i = 0; i <= POOL.size(); i++) {
            JsonNode s = session("order-fill-" + i + "-" + System.nanoTime(), TestNumbers.mobile(), busyCustomer);
            customerNumbers.add(masked(s, "customer"));
        }
        assertThat(customerNumbers.subList(0, POOL.size())).as("own region first").containsExactlyInAnyOrderElementsOf(POOL);
        assertThat(customerNumbers.get(POOL.size())).as("then any region").isEqualTo(US_NUMBER);

        String retailer = TestNumbers.mobile();
        JsonNode overflow = session("order-over-" + System.nanoTime(), retailer, busyCustomer);

        assertThat(masked(overflow, "customer")).isEqualTo(HUB);
        assertThat(overflow.get("parties").get(1).get("hub").asBoolean()).isTrue();
        assertThat(masked(overflow, "retailer")).isIn(POOL);
        JsonNode shortEvents = api.get("/v1/events?type=pool.short&sessionId=" + overflow.get("id").asString()).json();
        assertThat(shortEvents.size()).isEqualTo(1);
        assertThat(shortEvents.get(0).get("detail").asString()).startsWith("The pool is short by 1 number(s)")
                .doesNotContain(busyCustomer).doesNotContain(retailer);
    }

    /**
     * The call takes the callee's status as soon as the callee's leg ends; the caller's leg ends a
     * moment later (after hearing the message), so wait for both rather than race it.
     */
    private void awaitLegs(String callId, String... expected) {
        await().atMost(Duration.ofSeconds(15)).until(() ->
                Set.copyOf(legStatuses(api.get("/v1/calls/" + callId).json())).equals(Set.of(expected)));
        assertThat(legStatuses(api.get("/v1/calls/" + callId).json())).containsExactlyInAnyOrder(expected);
    }

    private static List<String> legStatuses(JsonNode call) {
        List<String> legs = new java.util.ArrayList<>();
        call.get("legs").forEach(l -> legs.add(l.get("role").asString() + ":" + l.get("status").asString()));
        return legs;
    }

    static String enc(String s) {
        return Http.enc(s);
    }
}
