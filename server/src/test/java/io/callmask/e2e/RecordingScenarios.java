package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.core.retention.RetentionStep;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Recorded calls end to end: the consent notice on both phones, the carrier's (emulator's) recording
 * reported to our signed webhook, metadata for the platform, audio for operators only and audited,
 * forged and repeated callbacks, and the retention step deleting the carrier's copy.
 */
abstract class RecordingScenarios extends EndToEndTestBase {

    static final String CONSENT = "This call will be recorded for quality and safety.";
    private static final String ACCOUNT = "AC00000000000000000000000000000000";

    @Autowired
    List<RetentionStep> retentionSteps;

    @Test
    void aRecordedClickToCallTellsBothPartiesRecordsTheTalkAndOnlyOperatorsHearIt() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 20.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "accepted");

        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s","record":true}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String callId = placed.json().get("callId").asString();
        JsonNode done = awaitCallStatus(callId, "completed");

        assertThat(api.get("/v1/sessions/" + placed.json().get("sessionId").asString()).json().get("record").asBoolean())
                .isTrue();
        assertThat(heard(awaitPhoneCall(retailerPhone, "completed"))).as("the caller, before the dial")
                .containsExactly(CONSENT);
        assertThat(heard(awaitPhoneCall(customerPhone, "completed"))).as("the callee, before the bridge")
                .containsExactly(CONSENT);

        JsonNode recording = awaitRecording(callId, "completed");
        // The talk time, as the callee's leg reported it (20 emulated seconds, give or take scheduling).
        assertThat(recording.get("durationSeconds").asInt()).isEqualTo(done.get("durationSeconds").asInt())
                .isBetween(20, 22);
        assertThat(recording.get("channels").asInt()).isEqualTo(2);
        assertThat(recording.get("purged").asBoolean()).isFalse();
        assertThat(recording.has("mediaUrl")).as("no media URL for a platform key").isFalse();
        assertThat(api.get("/v1/calls/" + callId + "/recordings").body()).doesNotContain("Recordings/RE", "emulator");
        String recordingId = recording.get("id").asString();

        var refused = api.get("/v1/recordings/" + recordingId + "/media");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:callmask:problem:operator-only");
        var refusedAudio = api.get("/v1/recordings/" + recordingId + "/media", "audio/wav");
        assertThat(refusedAudio.status()).as(refusedAudio.body()).isEqualTo(403);
        assertThat(operator.get("/v1/recordings/rec_unknown/media", "audio/*").status()).isEqualTo(404);
        assertThat(api.get("/v1/audit").status()).isEqualTo(403);

        JsonNode asOperator = operator.get("/v1/calls/" + callId + "/recordings").json().get(0);
        assertThat(asOperator.get("mediaUrl").asString()).isEqualTo("/v1/recordings/" + recordingId + "/media");
        var audio = operator.get("/v1/recordings/" + recordingId + "/media", "audio/wav");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.contentType()).startsWith("audio/wav");
        assertThat(audio.body()).startsWith("RIFF");

        JsonNode audit = operator.get("/v1/audit?limit=10").json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("recording.read");
        assertThat(audit.get(0).get("targetId").asString()).isEqualTo(recordingId);
        assertThat(audit.get(0).get("actor").asString()).matches("operator:[0-9a-f]{8}");
        assertThat(audit.get(0).get("remoteAddress").asString()).isNotBlank();
        assertThat(audit.toString()).doesNotContain(OPERATOR_KEY);
    }

    @Test
    void anUnrecordedCallMakesNoRecordingAndNobodyHearsTheNotice() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 3.0);
        JsonNode session = session("order-unrec-" + System.nanoTime(), retailerPhone, customerPhone);
        assertThat(session.get("record").asBoolean()).as("callmask.recording.default").isFalse();

        String callId = startCall(session.get("id").asString(), "retailer").get("id").asString();
        awaitCallStatus(callId, "completed");
        String parentSid = callerLegSid(callId);

        assertThat(heard(awaitPhoneCall(retailerPhone, "completed"))).isEmpty();
        assertThat(heard(awaitPhoneCall(customerPhone, "completed"))).isEmpty();
        assertThat(api.get("/v1/calls/" + callId + "/recordings").json().size()).isZero();
        assertThat(emulator.get("/emulator/recordings").body()).doesNotContain(parentSid);
    }

    @Test
    void aRecordedDialInTellsBothPartiesAndIsRecorded() {
        String retailerPhone = phone("auto", 4.0);
        String customerPhone = phone("auto", null);
        JsonNode session = recordedSession("order-rec-in-" + System.nanoTime(), retailerPhone, customerPhone);

        String sid = dial(customerPhone, masked(session, "customer"));

        assertThat(heard(awaitPhoneCallBySid(customerPhone, sid, "completed"))).containsExactly(CONSENT);
        assertThat(heard(awaitPhoneCall(retailerPhone, "completed"))).containsExactly(CONSENT);
        String callId = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().get(0).get("id")
                .asString();
        JsonNode call = awaitCallStatus(callId, "completed");
        assertThat(awaitRecording(callId, "completed").get("durationSeconds").asInt())
                .isEqualTo(call.get("durationSeconds").asInt()).isBetween(4, 6);
    }

    @Test
    void aHubPartyHearsItsOrderThenTheNoticeAndAHubCallerHearsItAfterTheMenu() {
        String retailerPhone = phone("auto", null);
        for (int i = 0; i < 3; i++) {
            session("order-rec-own-" + i + "-" + System.nanoTime(), retailerPhone, TestNumbers.mobile());
        }
        String first = phone("auto", 2.0);
        String second = phone("auto", 2.0);
        JsonNode firstOnHub = recordedSession("order-rec-hub-a-" + System.nanoTime(), retailerPhone, first);
        JsonNode secondOnHub = recordedSession("order-rec-hub-b-" + System.nanoTime(), retailerPhone, second);
        assertThat(masked(firstOnHub, "retailer")).isEqualTo(HUB);

        dial(first, masked(firstOnHub, "customer"));
        JsonNode retailerScreen = awaitPhoneCall(retailerPhone, "completed");
        String reference = firstOnHub.get("reference").asString();
        assertThat(heard(retailerScreen)).containsExactly(
                "Call about order " + reference.replaceAll("(\\d)(?=\\d)", "$1 ") + ".", CONSENT);

        phone(retailerPhone, "auto", null, secondOnHub.get("orderCode").asString() + "#");
        String sid = dial(retailerPhone, HUB);
        assertThat(heard(awaitPhoneCallBySid(retailerPhone, sid, "completed")))
                .containsExactly("Please enter the order code, then press hash.", CONSENT);
        assertThat(heard(awaitPhoneCall(second, "completed"))).containsExactly(CONSENT);
    }

    @Test
    void aRecordedDialIsExactTwiml() {
        String retailerPhone = TestNumbers.mobile();
        String customerPhone = TestNumbers.mobile();
        JsonNode session = recordedSession("order-rec-twiml-" + System.nanoTime(), retailerPhone, customerPhone);
        String callSid = "CA" + "8".repeat(28) + String.format("%04d", System.nanoTime() % 10_000);

        var answer = voice(customerPhone, masked(session, "customer"), callSid);

        String callId = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().get(0).get("id")
                .asString();
        String base = api.base() + "/webhooks/twilio";
        assertThat(answer.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say>" + CONSENT + "</Say>"
                + "<Dial action=\"" + base + "/dial-complete?call=" + callId + RETRY + "\" answerOnBridge=\"true\""
                + " callerId=\"" + masked(session, "retailer") + "\" record=\"record-from-answer-dual\""
                + " recordingStatusCallback=\"" + base + "/recording" + RETRY + "\""
                + " recordingStatusCallbackEvent=\"completed absent\" recordingStatusCallbackMethod=\"POST\""
                + " timeLimit=\"14400\" timeout=\"20\">"
                + "<Number statusCallback=\"" + base + "/status?call=" + callId + "&amp;leg=callee" + RETRY + "\""
                + " statusCallbackEvent=\"initiated ringing answered completed\""
                + " url=\"" + base + "/whisper?session=" + session.get("id").asString() + "&amp;order=false&amp;consent=true\">"
                + retailerPhone + "</Number></Dial></Response>");
    }

    @Test
    void forgedRepeatedOutOfOrderAndMalformedRecordingCallbacksChangeNothingTwice() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 2.0);
        JsonNode session = recordedSession("order-rec-cb-" + System.nanoTime(), retailerPhone, customerPhone);
        String callId = startCall(session.get("id").asString(), "retailer").get("id").asString();
        awaitRecording(callId, "completed");
        String parentSid = callerLegSid(callId);
        String recordingSid = "RE" + "ab".repeat(14) + String.format("%04x", System.nanoTime() % 0xFFFF);
        Map<String, String> completed = recordingParams(parentSid, recordingSid, "completed", "7");

        var forged = api.postForm("/webhooks/twilio/recording", completed, "bm90IGEgc2lnbmF0dXJl");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.postForm("/webhooks/twilio/recording", completed, null).status()).isEqualTo(403);
        assertThat(api.get("/v1/calls/" + callId + "/recordings").json().size()).isEqualTo(1);

        assertThat(webhook("/webhooks/twilio/recording", completed).status()).isEqualTo(200);
        assertThat(webhook("/webhooks/twilio/recording", completed).status()).isEqualTo(200);
        assertThat(webhook("/webhooks/twilio/recording",
                recordingParams(parentSid, recordingSid, "in-progress", "-1")).status()).isEqualTo(200);
        JsonNode recordings = api.get("/v1/calls/" + callId + "/recordings").json();
        assertThat(recordings.size()).as("a repeat is the same recording").isEqualTo(2);
        assertThat(recordings.get(1).get("status").asString()).as("never backwards").isEqualTo("completed");
        assertThat(recordings.get(1).get("durationSeconds").asInt()).isEqualTo(7);

        var unknown = webhook("/webhooks/twilio/recording", recordingParams("CA" + "0".repeat(32),
                "RE" + "cd".repeat(16), "completed", "5"));
        assertThat(unknown.status()).as("Twilio must not retry").isEqualTo(200);
        var malformed = webhook("/webhooks/twilio/recording", recordingParams(parentSid, "bogus", "completed", "5"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:callmask:problem:invalid-recording-sid");
        var badStatus = webhook("/webhooks/twilio/recording",
                recordingParams(parentSid, "RE" + "ef".repeat(16), "lost", "5"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(api.get("/v1/calls/" + callId + "/recordings").json().size()).isEqualTo(2);
    }

    @Test
    void theRetentionStepDeletesTheCarriersCopyAndKeepsTheMetadata() throws Exception {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 3.0);
        JsonNode session = recordedSession("order-rec-ret-" + System.nanoTime(), retailerPhone, customerPhone);
        String callId = startCall(session.get("id").asString(), "retailer").get("id").asString();
        JsonNode recording = awaitRecording(callId, "completed");
        String recordingId = recording.get("id").asString();
        String carrierSid = carrierSidOf(callId);
        assertThat(emulatorRecording(carrierSid)).isEqualTo(200);
        assertThat(api.post("/v1/sessions/" + session.get("id").asString() + "/close", "").status()).isEqualTo(200);

        RetentionStep step = retentionSteps.stream().filter(s -> s.name().equals("recordings")).findFirst().orElseThrow();
        int purged = step.purge(clock.instant().plusSeconds(1));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(emulatorRecording(carrierSid)).as("gone at the carrier").isEqualTo(404);
        JsonNode after = operator.get("/v1/calls/" + callId + "/recordings").json().get(0);
        assertThat(after.get("purged").asBoolean()).isTrue();
        assertThat(after.get("durationSeconds").asInt()).isEqualTo(recording.get("durationSeconds").asInt());
        assertThat(after.has("mediaUrl")).isFalse();
        var gone = operator.get("/v1/recordings/" + recordingId + "/media");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("type").asString()).isEqualTo("urn:callmask:problem:recording-purged");
        assertThat(step.purge(clock.instant().plusSeconds(1))).as("idempotent").isZero();
    }

    @Test
    void theLatestRequestForAnOpenSessionDecidesWhetherItsCallsAreRecorded() {
        String retailerPhone = TestNumbers.mobile();
        String customerPhone = TestNumbers.mobile();
        String reference = "order-rec-flag-" + System.nanoTime();
        JsonNode recorded = recordedSession(reference, retailerPhone, customerPhone);
        String body = """
                {"reference":"%s","record":%s,"parties":[{"role":"retailer","id":"r1","number":"%s"},
                 {"role":"customer","id":"c1","number":"%s"}]}""";

        var unchanged = api.post("/v1/sessions", body.formatted(reference, "null", retailerPhone, customerPhone));
        var off = api.post("/v1/sessions", body.formatted(reference, "false", retailerPhone, customerPhone));
        var invalid = api.post("/v1/sessions", body.formatted(reference, "\"maybe\"", retailerPhone, customerPhone));

        assertThat(unchanged.json().get("record").asBoolean()).as("not said: as it is").isTrue();
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("id").asString()).isEqualTo(recorded.get("id").asString());
        assertThat(off.json().get("record").asBoolean()).isFalse();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(api.get("/v1/sessions/" + recorded.get("id").asString()).json().get("record").asBoolean()).isFalse();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode recordedSession(String reference, String retailerPhone, String customerPhone) {
        var r = api.post("/v1/sessions", """
                {"reference":"%s","record":true,"ttlSeconds":3600,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}""".formatted(reference, retailerPhone, customerPhone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("record").asBoolean()).isTrue();
        return r.json();
    }

    private JsonNode awaitRecording(String callId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode list = api.get("/v1/calls/" + callId + "/recordings").json();
            return list.size() > 0 && list.get(0).get("status").asString().equals(status);
        });
        return api.get("/v1/calls/" + callId + "/recordings").json().get(0);
    }

    /** The recording's sid at the carrier, which only the emulator shows: callmask's API does not. */
    private String carrierSidOf(String callId) {
        String parentSid = callerLegSid(callId);
        for (JsonNode r : emulator.get("/emulator/recordings").json()) {
            if (r.get("callSid").asString().equals(parentSid)) {
                return r.get("sid").asString();
            }
        }
        throw new AssertionError("the emulator has no recording of " + parentSid);
    }

    /** The status of Twilio's recording resource at the emulator, asked as Twilio's REST API is. */
    private int emulatorRecording(String sid) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/emulator/twilio/2010-04-01/Accounts/"
                        + ACCOUNT + "/Recordings/" + sid + ".json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ACCOUNT + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The caller's leg: the parent call of the {@code <Dial>}, which Twilio names in recording callbacks. */
    private String callerLegSid(String callId) {
        for (JsonNode leg : api.get("/v1/calls/" + callId).json().get("legs")) {
            if (leg.get("role").asString().equals("caller")) {
                return leg.get("carrierSid").asString();
            }
        }
        throw new AssertionError("no caller leg");
    }

    private static Map<String, String> recordingParams(String callSid, String recordingSid, String status,
            String duration) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ACCOUNT);
        p.put("CallSid", callSid);
        p.put("RecordingSid", recordingSid);
        p.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + recordingSid);
        p.put("RecordingStatus", status);
        p.put("RecordingDuration", duration);
        p.put("RecordingChannels", "2");
        p.put("RecordingSource", "DialVerb");
        return p;
    }

    private static List<String> heard(JsonNode phoneCall) {
        List<String> heard = new ArrayList<>();
        phoneCall.get("heard").forEach(h -> heard.add(h.asString()));
        return heard;
    }

    static String enc(String s) {
        return Http.enc(s);
    }
}
