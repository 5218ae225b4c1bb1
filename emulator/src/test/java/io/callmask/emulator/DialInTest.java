package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Phones dialling the account's numbers: voice URL requests, TwiML execution, and what each phone saw. */
class DialInTest extends EmulatorHttpTestBase {

    private String register(String number, String voiceUrl) {
        var reply = control.post("/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\"" + voiceUrl + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        return number;
    }

    private String dial(String from, String to) {
        var reply = control.post("/emulator/phones/" + from.replace("+", "%2B") + "/dial", "{\"to\":\"" + to + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("callSid").asString();
    }

    private List<String> heard(JsonNode node) {
        return node.get("heard").valueStream().map(JsonNode::asString).toList();
    }

    private String status(String sid) {
        return control.call(sid).get("status").asString();
    }

    @Test
    void dialInPostsASignedVoiceRequestAndTheCalleeSeesTheDialCallerId() {
        String masked = register("+918000000020", url("voice-in-1") + "?tenant=7");
        String caller = "+919800000021";
        String callee = "+919800000022";
        app.answer("voice-in-1", "<Response><Say>Connecting you</Say><Dial callerId=\"" + masked + "\"><Number url=\"whisper-1\">"
                + callee + "</Number></Dial><Say>Goodbye</Say></Response>");
        app.answer("whisper-1", "<Response><Say>Call from the marketplace</Say></Response>");

        String sid = dial(caller, masked);

        eventually().until(() -> app.hooks("voice-in-1").size() == 1);
        FakeApp.Hook voice = app.hooks("voice-in-1").get(0);
        assertThat(voice.signatureValid()).isTrue();
        assertThat(voice.params()).isEqualTo(voiceParams(sid, "ringing", "inbound", caller, masked));

        eventually().until(() -> "ringing".equals(control.phone(callee).get("state").asString()));
        assertThat(control.phone(callee).get("current").get("callerId").asString()).isEqualTo(masked);
        assertThat(control.post("/emulator/phones/" + callee + "/answer", null).json().get("state").asString())
                .isEqualTo("in-call");
        assertThat(control.phone(caller).get("state").asString()).isEqualTo("in-call");
        // the whisper is fetched on a worker once the callee answers: hang up only after it (else it reads completed)
        eventually().until(() -> app.hooks("whisper-1").size() == 1);
        assertThat(control.post("/emulator/phones/" + callee + "/hangup", null).status()).isEqualTo(200);

        eventually().until(() -> "completed".equals(status(sid)));
        JsonNode callerView = control.phone(caller).get("calls").get(0);
        assertThat(callerView.get("direction").asString()).isEqualTo("outgoing");
        assertThat(callerView.get("dialled").asString()).isEqualTo(masked);
        assertThat(callerView.get("callerId").isNull()).isTrue();
        assertThat(heard(callerView)).containsExactly("Connecting you", "Goodbye");
        JsonNode calleeView = control.phone(callee).get("calls").get(0);
        assertThat(calleeView.get("callerId").asString()).isEqualTo(masked);
        assertThat(calleeView.get("status").asString()).isEqualTo("completed");
        assertThat(heard(calleeView)).containsExactly("Call from the marketplace");
        Map<String, String> whisper = voiceParams(calleeView.get("callSid").asString(), "in-progress",
                "outbound-dial", masked, callee);
        whisper.put("ParentCallSid", sid);
        assertThat(app.hooks("whisper-1").get(0).params()).isEqualTo(whisper);
        assertThat(control.call(sid).get("twimlFetched").get(0).asString()).isEqualTo(url("voice-in-1") + "?tenant=7");
    }

    @Test
    void callerHangingUpWhileTheCalleeRingsCancelsTheDialAndStillRequestsTheAction() {
        String masked = register("+918000000023", url("voice-in-2"));
        String caller = "+919800000024";
        String callee = "+919800000025";
        app.answer("voice-in-2", "<Response><Dial callerId=\"" + masked + "\" action=\"" + url("dial-action-2")
                + "\">" + callee + "</Dial></Response>");
        app.answer("dial-action-2", "<Response><Say>Never heard</Say></Response>");

        String sid = dial(caller, masked);
        eventually().until(() -> "ringing".equals(control.phone(callee).get("state").asString()));
        String childSid = control.phone(callee).get("current").get("callSid").asString();
        control.post("/emulator/phones/" + caller + "/hangup", null);

        eventually().until(() -> app.hooks("dial-action-2").size() == 1);
        Map<String, String> expected = voiceParams(sid, "completed", "inbound", caller, masked);
        expected.putAll(Map.of("DialCallStatus", "canceled", "DialCallSid", childSid));
        assertThat(app.hooks("dial-action-2").get(0).params()).isEqualTo(expected);
        assertThat(status(childSid)).isEqualTo("canceled");
        assertThat(heard(control.call(sid))).isEmpty();
        assertThat(control.phone(callee).get("state").asString()).isEqualTo("idle");
    }

    @Test
    void busyCalleeGivesTheDialActionBusy() {
        String masked = register("+918000000026", url("voice-in-3"));
        String caller = "+919800000027";
        control.put("/emulator/phones/+919800000028", "{\"answer\":\"busy\"}");
        app.answer("voice-in-3", "<Response><Dial action=\"dial-action-3\">+919800000028</Dial></Response>");
        app.answer("dial-action-3", "<Response><Say>The other party is busy</Say></Response>");

        String sid = dial(caller, masked);

        eventually().until(() -> "completed".equals(status(sid)));
        Map<String, String> action = app.hooks("dial-action-3").get(0).params();
        assertThat(action).containsEntry("DialCallStatus", "busy").doesNotContainKey("DialCallDuration");
        assertThat(heard(control.call(sid))).containsExactly("The other party is busy");
        // Without a callerId attribute the callee sees the caller's own number, as with Twilio.
        assertThat(control.phone("+919800000028").get("calls").get(0).get("callerId").asString()).isEqualTo(caller);
    }

    @Test
    void dialingAnUnassignedNumberIsNotInService() {
        String sid = dial("+919800000029", "+918000000099");

        JsonNode call = control.call(sid);
        assertThat(call.get("status").asString()).isEqualTo("failed");
        assertThat(heard(call)).containsExactly("The number you have dialled is not in service.");
        assertThat(control.phone("+919800000029").get("state").asString()).isEqualTo("idle");
    }

    @Test
    void brokenTwimlOrFailingWebhookEndsTheCallWithAnApplicationError() {
        String badXml = register("+918000000030", url("bad-twiml"));
        String failing = register("+918000000031", url("broken-voice"));
        app.answer("bad-twiml", "<Response><Dial>");

        String first = dial("+919800000032", badXml);
        String second = dial("+919800000033", failing);

        eventually().until(() -> "completed".equals(status(first)) && "completed".equals(status(second)));
        assertThat(control.call(first).get("errors").get(0).asString()).startsWith("12100 Document parse failure");
        assertThat(control.call(second).get("errors").get(0).asString()).startsWith("11200 HTTP retrieval failure");
        assertThat(heard(control.call(first))).containsExactly(TwimlRunner.APPLICATION_ERROR);
        assertThat(heard(control.call(second))).containsExactly(TwimlRunner.APPLICATION_ERROR);
    }

    @Test
    void gatherPostsTheDigitsPressedToItsAction() {
        String number = register("+918000000034", url("menu"));
        String caller = "+919800000035";
        app.answer("menu", "<Response><Gather numDigits=\"4\" action=\"menu-choice\" timeout=\"60\">"
                + "<Say>Enter your order code</Say></Gather><Say>We did not get that</Say></Response>");
        app.answer("menu-choice", "<Response><Say>Thank you</Say><Hangup/></Response>");

        String sid = dial(caller, number);
        eventually().until(() -> "in-progress".equals(status(sid)));
        assertThat(control.post("/emulator/phones/" + caller + "/digits", "{\"digits\":\"12\"}").status()).isEqualTo(200);
        control.post("/emulator/phones/" + caller + "/digits", "{\"digits\":\"34\"}");

        eventually().until(() -> "completed".equals(status(sid)));
        Map<String, String> expected = voiceParams(sid, "in-progress", "inbound", caller, number);
        expected.put("Digits", "1234");
        assertThat(app.hooks("menu-choice").get(0).params()).isEqualTo(expected);
        assertThat(heard(control.call(sid))).containsExactly("Enter your order code", "Thank you");
    }

    @Test
    void gatherWithoutDigitsFallsThroughAndTypedAheadDigitsAreUsed() {
        String number = register("+918000000036", url("short-menu"));
        app.answer("short-menu", "<Response><Gather action=\"short-choice\" timeout=\"2\">"
                + "<Say>Press a key</Say></Gather><Say>We did not get that</Say></Response>");

        String silent = dial("+919800000037", number);
        eventually().until(() -> "completed".equals(status(silent)));
        assertThat(heard(control.call(silent))).containsExactly("Press a key", "We did not get that");
        assertThat(app.hooks("short-choice")).isEmpty();

        control.put("/emulator/phones/+919800000038", "{\"pendingDigits\":\"55#9\"}");
        String typed = dial("+919800000038", number);
        eventually().until(() -> app.hooks("short-choice").size() == 1);
        Map<String, String> params = new HashMap<>(app.hooks("short-choice").get(0).params());
        assertThat(params).containsEntry("Digits", "55").containsEntry("CallSid", typed);
        assertThat(control.phone("+919800000038").get("pendingDigits").isNull()).isTrue();
    }

    @Test
    void numberLevelStatusCallbackGetsTheFinalStatusOfInboundCalls() {
        String number = "+918000000039";
        control.post("/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\"" + url("hello")
                + "\",\"statusCallback\":\"" + url("inbound-status") + "\"}");
        app.answer("hello", "<Response><Say>Hello</Say></Response>");

        String sid = dial("+919800000040", number);

        eventually().until(() -> app.hooks("inbound-status").size() == 1);
        Map<String, String> expected = voiceParams(sid, "completed", "inbound", "+919800000040", number);
        expected.putAll(Map.of("CallbackSource", "call-progress-events", "SequenceNumber", "0", "Duration", "0"));
        assertThat(stable(app.hooks("inbound-status").get(0).params())).isEqualTo(expected);
        assertThat(app.hooks("inbound-status").get(0).params()).containsEntry("CallDuration", "0");
        assertThat(control.get("/emulator/numbers").json().valueStream()
                .filter(n -> n.get("number").asString().equals(number)).findFirst().orElseThrow()
                .get("statusCallback").asString()).isEqualTo(url("inbound-status"));
    }
}
