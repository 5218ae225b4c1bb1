package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Busy parties on the hub number (threshold 3 in these tests), the order-code menu, the whisper,
 * geography and the cool-down: through the emulator's phones, and as exact TwiML where the menu's
 * wording is the contract.
 */
abstract class HubScenarios extends EndToEndTestBase {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String PROMPT = "Please enter the order code, then press hash.";
    private static final String RETRY = "That code was not recognised. Please enter the order code again, then press hash.";
    private static final String GOODBYE = "Sorry, that code was not recognised. Goodbye.";

    /** A retailer with three sessions of its own and {@code onHub} more on the hub; returns all sessions. */
    private List<JsonNode> busyRetailer(String retailerPhone, List<String> customers, int onHub) {
        List<JsonNode> sessions = new ArrayList<>();
        for (int i = 0; i < 3 + onHub; i++) {
            String customer = i < customers.size() ? customers.get(i) : TestNumbers.mobile();
            sessions.add(session("order-hub-" + i + "-" + System.nanoTime(), retailerPhone, customer));
        }
        return sessions;
    }

    @Test
    void aBusyRetailerGoesToTheHubAtTheThresholdWhileItsCustomersKeepNumbersOfTheirOwn() {
        List<JsonNode> sessions = busyRetailer(TestNumbers.mobile(), List.of(), 2);

        for (int i = 0; i < 5; i++) {
            JsonNode retailer = sessions.get(i).get("parties").get(0);
            JsonNode customer = sessions.get(i).get("parties").get(1);
            assertThat(retailer.get("hub").asBoolean()).isEqualTo(i >= 3);
            assertThat(retailer.get("maskedNumber").asString()).is(i >= 3 ? equalTo(HUB) : in(POOL));
            assertThat(customer.get("hub").asBoolean()).isFalse();
            assertThat(customer.get("maskedNumber").asString()).isIn(POOL);
        }
        assertThat(sessions.get(3).get("orderCode").asString()).isNotEqualTo(sessions.get(4).get("orderCode").asString());
        assertThat(api.get("/v1/events?type=pool.short&sessionId=" + sessions.get(3).get("id").asString()).json().size())
                .as("the threshold is not a shortage").isZero();
    }

    @Test
    void closingSessionsOnAndOffTheHubTakesTheRetailerBelowTheThresholdAndNewOnesBringItBack() {
        String retailerPhone = TestNumbers.mobile();
        List<JsonNode> sessions = busyRetailer(retailerPhone, List.of(), 2); // 3 of its own, 2 on the hub
        close(sessions.get(0));
        close(sessions.get(1));
        close(sessions.get(3));

        // 1 of its own and 1 on the hub: below 3, so a number of its own, then 3 open, so the hub again.
        JsonNode below = session("order-hub-below-" + System.nanoTime(), retailerPhone, TestNumbers.mobile());
        JsonNode atThreshold = session("order-hub-again-" + System.nanoTime(), retailerPhone, TestNumbers.mobile());

        assertThat(masked(below, "retailer")).as("2 open sessions").isIn(POOL);
        assertThat(masked(atThreshold, "retailer")).as("3 open sessions, 1 of them on the hub").isEqualTo(HUB);
    }

    @Test
    void aHubPartyWithOneSessionOnTheHubIsBridgedWithoutAMenu() {
        String retailerPhone = phone("auto", null);
        String customer = phone("auto", 2.0);
        List<JsonNode> sessions = busyRetailer(retailerPhone, List.of(), 0);
        JsonNode onHub = session("order-hub-one-" + System.nanoTime(), retailerPhone, customer);
        assertThat(sessions).hasSize(3);

        String sid = dial(retailerPhone, HUB);

        JsonNode customerScreen = awaitPhoneCall(customer, "completed");
        assertThat(customerScreen.get("callerId").asString()).isEqualTo(masked(onHub, "customer"));
        assertThat(awaitPhoneCallBySid(retailerPhone, sid, "completed").get("heard").size()).isZero();
    }

    @Test
    void theRightOrderCodeBridgesToThatOrdersCustomer() {
        String retailerPhone = phone("auto", null);
        String first = phone("auto", 2.0);
        String second = phone("auto", 2.0);
        busyRetailer(retailerPhone, List.of(), 0);
        JsonNode firstOnHub = session("order-hub-a-" + System.nanoTime(), retailerPhone, first);
        JsonNode secondOnHub = session("order-hub-b-" + System.nanoTime(), retailerPhone, second);
        phone(retailerPhone, "auto", null, secondOnHub.get("orderCode").asString() + "#");

        String sid = dial(retailerPhone, HUB);

        assertThat(awaitPhoneCall(second, "completed").get("callerId").asString()).isEqualTo(masked(secondOnHub, "customer"));
        assertThat(callsSeenBy(first)).isEmpty();
        assertThat(awaitPhoneCallBySid(retailerPhone, sid, "completed").get("heard").get(0).asString()).isEqualTo(PROMPT);
        assertThat(firstOnHub.get("id").asString()).isNotEqualTo(secondOnHub.get("id").asString());
    }

    @Test
    void aWrongCodeGetsOneRetryThenAClearGoodbye() {
        String retailerPhone = phone("auto", null);
        busyRetailer(retailerPhone, List.of(), 2);
        phone(retailerPhone, "auto", null, "99#");

        String sid = dial(retailerPhone, HUB);

        JsonNode heard = awaitPhoneCallBySid(retailerPhone, sid, "completed").get("heard");
        assertThat(List.of(heard.get(0).asString(), heard.get(1).asString(), heard.get(2).asString()))
                .containsExactly(PROMPT, RETRY, GOODBYE);
        assertThat(api.get("/v1/events?type=dial-in.rejected").body()).contains("wrong-code");
    }

    @Test
    void theMenuIsExactTwimlAndTheSecondAttemptMayStillSucceed() {
        String retailerPhone = TestNumbers.mobile();
        List<JsonNode> sessions = busyRetailer(retailerPhone, List.of(), 2);
        String customer = sessions.get(4).get("parties").get(1).get("maskedNumber").asString();
        String code = sessions.get(4).get("orderCode").asString();
        String base = api.base() + "/webhooks/twilio";
        String callSid = "CA" + "7".repeat(28) + String.format("%04d", System.nanoTime() % 10_000);

        var menu = voice(retailerPhone, HUB, callSid);
        var retry = webhook("/webhooks/twilio/menu?attempt=1", withDigits(retailerPhone, callSid, "0"));
        var bridged = webhook("/webhooks/twilio/menu?attempt=2", withDigits(retailerPhone, callSid, code));

        assertThat(menu.body()).isEqualTo(XML + "<Response><Gather action=\"" + base + "/menu?attempt=1\" finishOnKey=\"#\""
                + " input=\"dtmf\" method=\"POST\" timeout=\"8\"><Say>" + PROMPT + "</Say></Gather>"
                + "<Redirect method=\"POST\">" + base + "/menu?attempt=1</Redirect></Response>");
        assertThat(retry.body()).contains("action=\"" + base + "/menu?attempt=2\"").contains("<Say>" + RETRY + "</Say>");
        assertThat(bridged.body()).contains("callerId=\"" + customer + "\"")
                .contains(">" + realCustomerOf(sessions.get(4)) + "</Number>");
    }

    @Test
    void aCustomerCallingAHubPartyIsAnnouncedToItBeforeTheBridge() {
        String retailerPhone = phone("auto", 3.0);
        String customer = phone("auto", null);
        busyRetailer(retailerPhone, List.of(), 0);
        JsonNode onHub = session("A1042-" + System.nanoTime() % 10, retailerPhone, customer);

        dial(customer, masked(onHub, "customer"));

        JsonNode retailerScreen = awaitPhoneCall(retailerPhone, "completed");
        assertThat(retailerScreen.get("callerId").asString()).isEqualTo(HUB);
        String reference = onHub.get("reference").asString();
        assertThat(retailerScreen.get("heard").get(0).asString())
                .isEqualTo("Call about order " + reference.replaceAll("(\\d)(?=\\d)", "$1 ") + ".");
    }

    @Test
    void aPartyGetsANumberOfItsOwnCountryWhenThePoolHasOne() {
        JsonNode session = session("order-geo-" + System.nanoTime(), TestNumbers.mobile(), TestNumbers.american());

        assertThat(masked(session, "customer")).isEqualTo(US_NUMBER);
        assertThat(masked(session, "retailer")).isIn(POOL);
    }

    @Test
    void aReleasedNumberCoolsDownForThatPartyExceptWithTheSameCounterpart() {
        String customer = TestNumbers.mobile();
        for (int i = 0; i < 4; i++) {
            session("order-cool-hold-" + i + "-" + System.nanoTime(), TestNumbers.mobile(), customer);
        }
        String formerRetailer = TestNumbers.mobile();
        JsonNode former = session("order-cool-a-" + System.nanoTime(), formerRetailer, customer);
        String released = masked(former, "customer");
        close(former);

        JsonNode next = session("order-cool-b-" + System.nanoTime(), TestNumbers.mobile(), customer);
        assertThat(masked(next, "customer")).as("the released number is cooling").isEqualTo(US_NUMBER);
        close(next);
        JsonNode overflow = session("order-cool-c-" + System.nanoTime(), TestNumbers.mobile(), customer);
        assertThat(masked(overflow, "customer")).as("both free numbers are cooling").isEqualTo(HUB);
        JsonNode again = session("order-cool-d-" + System.nanoTime(), formerRetailer, customer);
        assertThat(masked(again, "customer")).as("same counterpart: sticky").isEqualTo(released);

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        JsonNode later = session("order-cool-e-" + System.nanoTime(), TestNumbers.mobile(), customer);
        assertThat(masked(later, "customer")).as("cool-down over").isEqualTo(US_NUMBER);
    }

    private void close(JsonNode session) {
        assertThat(api.post("/v1/sessions/" + session.get("id").asString() + "/close", "").status()).isEqualTo(200);
    }

    private Map<String, String> withDigits(String from, String callSid, String digits) {
        Map<String, String> params = voiceParams(from, HUB, callSid);
        params.put("Digits", digits);
        return params;
    }

    /** The customer's real number, which only the test knows: the API never shows it. */
    private String realCustomerOf(JsonNode session) {
        return customersByReference.get(session.get("reference").asString());
    }

    private final Map<String, String> customersByReference = new java.util.HashMap<>();

    @Override
    JsonNode session(String reference, String retailerPhone, String customerPhone, Integer ttlSeconds) {
        customersByReference.put(reference, customerPhone);
        return super.session(reference, retailerPhone, customerPhone, ttlSeconds);
    }

    private static org.assertj.core.api.Condition<String> equalTo(String value) {
        return new org.assertj.core.api.Condition<>(value::equals, "equal to " + value);
    }

    private static org.assertj.core.api.Condition<String> in(List<String> values) {
        return new org.assertj.core.api.Condition<>(values::contains, "in " + values);
    }
}
