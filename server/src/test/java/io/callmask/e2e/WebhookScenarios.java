package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Twilio's webhooks as Twilio would send them, signed by the test from Twilio's documentation:
 * the exact TwiML answered, signature checks, and status callbacks that repeat and arrive out of
 * order.
 */
abstract class WebhookScenarios extends EndToEndTestBase {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void signedDialInIsAnsweredWithADialToTheOtherPartyShowingItsMaskedNumber() {
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        JsonNode session = session("order-twiml-" + System.nanoTime(), retailer, customer);

        var answer = voice(customer, masked(session, "customer"), "CA" + "1".repeat(32));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        String callId = onlyCall(session).get("id").asString();
        String base = api.base() + "/webhooks/twilio";
        assertThat(answer.body()).isEqualTo(XML + "<Response><Dial action=\"" + base + "/dial-complete?call=" + callId
                + RETRY + "\" answerOnBridge=\"true\" callerId=\"" + masked(session, "retailer") + "\" timeLimit=\"14400\""
                + " timeout=\"20\"><Number statusCallback=\"" + base + "/status?call=" + callId + "&amp;leg=callee" + RETRY + "\""
                + " statusCallbackEvent=\"initiated ringing answered completed\">" + retailer
                + "</Number></Dial></Response>");
    }

    @Test
    void strangerIsAnsweredWithAMessageAndAHangup() {
        var answer = voice(TestNumbers.mobile(), POOL.get(0), "CA" + "2".repeat(32));

        assertThat(answer.body()).isEqualTo(XML + "<Response><Say>Sorry, this number cannot connect your call. "
                + "Please use the app to start a call.</Say><Hangup/></Response>");
    }

    @Test
    void forgedOrMissingSignaturesAreRefusedAndChangeNothing() {
        String customer = TestNumbers.mobile();
        JsonNode session = session("order-forged-" + System.nanoTime(), TestNumbers.mobile(), customer);
        Map<String, String> params = voiceParams(customer, masked(session, "customer"), "CA" + "3".repeat(32));
        String url = api.base() + "/webhooks/twilio/voice";

        var wrongToken = api.postForm("/webhooks/twilio/voice", params, TwilioSigner.sign("not-the-token", url, params));
        var missing = api.postForm("/webhooks/twilio/voice", params, null);
        Map<String, String> altered = new LinkedHashMap<>(params);
        altered.put("From", TestNumbers.mobile());
        var alteredAfterSigning = api.postForm("/webhooks/twilio/voice", altered, TwilioSigner.sign(AUTH_TOKEN, url, params));
        var otherUrl = api.postForm("/webhooks/twilio/voice", params,
                TwilioSigner.sign(AUTH_TOKEN, api.base() + "/webhooks/twilio/status", params));

        for (Http.Response r : List.of(wrongToken, missing, alteredAfterSigning, otherUrl)) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:invalid-signature");
        }
        assertThat(api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().size()).isZero();
    }

    @Test
    void repeatedAndOutOfOrderStatusCallbacksEndInTheSameState() {
        JsonNode first = callWithReports(List.of("completed", "ringing", "in-progress", "ringing", "completed"));
        JsonNode second = callWithReports(List.of("initiated", "ringing", "in-progress", "completed", "in-progress"));

        for (JsonNode call : List.of(first, second)) {
            assertThat(call.get("status").asString()).isEqualTo("completed");
            assertThat(call.get("durationSeconds").asInt()).isEqualTo(42);
            assertThat(call.get("answeredAt").isNull()).isFalse();
        }
    }

    @Test
    void unknownStatusOrUnknownCallIsA4xxAndChangesNothing() {
        String customer = TestNumbers.mobile();
        JsonNode session = session("order-bad-cb-" + System.nanoTime(), TestNumbers.mobile(), customer);
        voice(customer, masked(session, "customer"), "CA" + "4".repeat(32));
        String callId = onlyCall(session).get("id").asString();

        var unknownStatus = status(callId, "callee", "CA" + "5".repeat(32), "exploded", null);
        var unknownCall = status("call_nope", "callee", "CA" + "5".repeat(32), "ringing", null);

        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownCall.status()).isEqualTo(404);
        assertThat(api.get("/v1/calls/" + callId).json().get("legs").size()).isEqualTo(1);
    }

    @Test
    void aNumbersOwnStatusCallbackEndsTheCallersLegAndNothingElse() {
        String customer = TestNumbers.mobile();
        JsonNode session = session("order-num-cb-" + System.nanoTime(), TestNumbers.mobile(), customer);
        String callerSid = "CA" + "6".repeat(31) + "1";
        voice(customer, masked(session, "customer"), callerSid);
        String callId = onlyCall(session).get("id").asString();
        Map<String, String> report = new LinkedHashMap<>(Map.of("AccountSid", "AC" + "0".repeat(32),
                "CallSid", callerSid, "CallStatus", "completed", "CallDuration", "17"));

        // call without leg, or leg without call: a 400 that names neither number
        var callOnly = webhook("/webhooks/twilio/status?call=" + callId, report);
        var legOnly = webhook("/webhooks/twilio/status?leg=caller", report);
        assertThat(callOnly.status()).isEqualTo(400);
        assertThat(legOnly.status()).isEqualTo(400);
        assertThat(callOnly.body()).contains("missing-parameter").doesNotContain(customer);
        // a leg no call has: acknowledged (Twilio must not retry it) and nothing is stored
        Map<String, String> stranger = new LinkedHashMap<>(report);
        stranger.put("CallSid", "CA" + "6".repeat(31) + "2");
        assertThat(webhook("/webhooks/twilio/status", stranger).status()).isEqualTo(204);
        assertThat(api.get("/v1/calls/" + callId).json().get("legs").size()).isEqualTo(1);
        assertThat(api.get("/v1/calls/" + callId).json().get("legs").get(0).get("status").asString())
                .isNotEqualTo("completed");

        // the number's own report of the caller's leg: applied to the call that has the leg
        assertThat(webhook("/webhooks/twilio/status", report).status()).isEqualTo(204);
        JsonNode caller = api.get("/v1/calls/" + callId).json().get("legs").get(0);
        assertThat(caller.get("role").asString()).isEqualTo("caller");
        assertThat(caller.get("status").asString()).isEqualTo("completed");
        assertThat(caller.get("durationSeconds").asInt()).isEqualTo(17);
    }

    private JsonNode callWithReports(List<String> statuses) {
        String customer = TestNumbers.mobile();
        JsonNode session = session("order-cb-" + System.nanoTime(), TestNumbers.mobile(), customer);
        String callerSid = "CA" + Long.toHexString(System.nanoTime()) + "a".repeat(32 - Long.toHexString(System.nanoTime()).length());
        voice(customer, masked(session, "customer"), callerSid);
        String callId = onlyCall(session).get("id").asString();
        String calleeSid = callerSid.substring(0, 33) + "b";
        for (String s : statuses) {
            var r = status(callId, "callee", calleeSid, s, s.equals("completed") ? "42" : null);
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
        return api.get("/v1/calls/" + callId).json();
    }

    private JsonNode onlyCall(JsonNode session) {
        JsonNode calls = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json();
        assertThat(calls.size()).isEqualTo(1);
        return calls.get(0);
    }

    private Http.Response status(String callId, String leg, String callSid, String status, String duration) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("CallStatus", status);
        params.put("ApiVersion", "2010-04-01");
        if (duration != null) {
            params.put("CallDuration", duration);
        }
        String path = "/webhooks/twilio/status?call=" + callId + "&leg=" + leg;
        return api.postForm(path, params, TwilioSigner.sign(AUTH_TOKEN, api.base() + path, params));
    }

}
