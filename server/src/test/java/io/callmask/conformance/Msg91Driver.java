package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MSG91, as far as it is documented (docs/carriers.md#msg91): click-to-call is {@code POST
 * /api/v5/voice/call/ctc} with header {@code authkey} and JSON {@code caller_id}, {@code destination},
 * {@code destinationB[]} (digits without '+') and our {@code CRQID}; MSG91 rings both parties itself
 * showing {@code caller_id}, so the "answered" step is the REST request, not a webhook. MSG91 reports
 * the call (not each leg) to the "Report Received" webhook as the JSON the operator defined, to the
 * secret path; there is no answered, dial-ended, dial-in or recording event.
 */
final class Msg91Driver implements CarrierDriver {

    static final String AUTH_KEY = "conformance-msg91-authkey";
    static final String SECRET = "conformance-msg91-secret-0123456789abcdef";
    private static final String CTC = "/api/v5/voice/call/ctc";
    private static final String DIGITS = "91[6-9][0-9]{9}|918[0-9]{10}|91[0-9]{10}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "msg91";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=msg91", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.msg91.enabled=true", "--callmask.carriers.msg91.auth-key=" + AUTH_KEY,
                "--callmask.carriers.msg91.webhook-secret=" + SECRET,
                "--callmask.carriers.msg91.api-base-url=" + fakeBaseUrl,
                "--callmask.pool=" + String.join(",", CarrierApp.POOL), "--callmask.hubs=");
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(post(urlPathEqualTo(CTC))
                .withHeader("authkey", equalTo(AUTH_KEY))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.caller_id", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.destination", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.destinationB[0]", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.CRQID", matching("call_[0-9a-f]{24}")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"success\",\"message\":\"Call initiated\"}")));
    }

    @Override
    public Map<String, Unsupported> unsupported() {
        Unsupported dialIn = new Unsupported("MSG91 documents no dial-in routing webhook (calls to its numbers "
                + "follow its dashboard's IVR); its numbers may not be hubs", Refusals.dialInRefusedAtStartUp());
        return Map.of(
                "customerDialsInAndReachesTheRetailerUnderTheRetailersMaskedNumber", dialIn,
                "retailerDialsInAndReachesTheCustomerUnderTheCustomersMaskedNumber", dialIn,
                "aCallerOfAnExpiredSessionHearsItHasEndedAndNothingIsDialled", dialIn,
                "aStrangerHearsAMessageAndNothingIsDialled", dialIn,
                "aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled", dialIn,
                "aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy", new Unsupported(
                        "MSG91 documents no recording for click-to-call", Refusals.recordingRefusedPerRequest()),
                "clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer", new Unsupported("MSG91 plays nothing of "
                        + "callmask's to the caller; its Busy report ends the call busy", unreachable("Busy", "busy")),
                "clickToCallToACustomerWhoDoesNotAnswerEndsNoAnswer", new Unsupported("as busy: the No-Answer "
                        + "report ends the call no-answer; nothing is said", unreachable("No-Answer", "no-answer")));
    }

    @Override
    public boolean oneCallerIdForBothLegs() {
        return true;
    }

    /** The call ends with MSG91's report; there is no callee leg (MSG91 names none) and no message. */
    private java.util.function.Consumer<CarrierConformance> unreachable(String word, String outcome) {
        return suite -> {
            var p = suite.session(false);
            String callId = suite.startCall(p, "retailer");
            PlacedCall placed = placed(suite.fake, p.retailer());
            CarrierConformance.accepted(report(suite.app, SECRET, callId, placed.carrierSid(), "Ringing", null));
            CarrierConformance.accepted(report(suite.app, SECRET, callId, placed.carrierSid(), word, 0));
            CarrierConformance.accepted(report(suite.app, SECRET, callId, placed.carrierSid(), word, 0));
            JsonNode call = suite.call(callId);
            assertThat(call.get("status").asString()).isEqualTo(outcome);
            assertThat(call.get("legs")).hasSize(1);
        };
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CTC))
                .filter(e -> to.equals("+" + JSON.readTree(e.getRequest().getBodyAsString()).path("destination")
                        .asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no MSG91 click-to-call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(200);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        assertThat(body.get("destinationB")).hasSize(1);
        String crqid = body.get("CRQID").asString();
        return new PlacedCall("+" + body.get("destination").asString(), "+" + body.get("caller_id").asString(),
                event.getRequest().getBodyAsString(), "caller:" + crqid, uuidOf(crqid));
    }

    /** MSG91's {@code uuid} for a call request: 32 hex digits, one per call (fixed per CRQID here). */
    private static String uuidOf(String crqid) {
        return UUID.nameUUIDFromBytes(crqid.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** No webhook: MSG91 dials {@code destinationB} by itself; this reads what callmask asked it to dial. */
    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        JsonNode body = JSON.readTree(call.answerUrl());
        String crqid = body.get("CRQID").asString();
        return new Reply(200, call.answerUrl(), List.of(), "+" + body.get("destinationB").get(0).asString(),
                "+" + body.get("caller_id").asString(), false, "callee:" + crqid, "callee:" + crqid, false, false, null, null);
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        throw new UnsupportedOperationException("MSG91 sends no dial-in webhook");
    }

    /** MSG91 signs nothing: a forger does not know the path's secret and gets an ordinary 404. */
    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return report(app, "not-the-secret-0123456789abcdef0123", "call_" + "0".repeat(24), callSid, "Completed", 60);
    }

    @Override
    public int refusedStatus() {
        return 404;
    }

    /**
     * MSG91 reports the call, not each leg, in its own words: the caller's ringing, the callee's
     * completion (the call's report, with the talk time), busy and no-answer. It has no word for an
     * answered leg and sends nothing when the caller's leg alone ends: those are not sent.
     */
    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        boolean callee = statusUrl.startsWith("callee:");
        String crqid = statusUrl.substring(statusUrl.indexOf(':') + 1);
        String word = switch (status) {
            case "ringing" -> "Ringing";
            case "completed" -> callee ? "Completed" : null;
            case "busy" -> "Busy";
            case "no-answer" -> "No-Answer";
            default -> null;
        };
        if (word == null) {
            return new Reply(204, "(MSG91 reports no '" + status + "' for the " + (callee ? "callee" : "caller"),
                    List.of(), null, null, false, null, null, false, false, null, null);
        }
        return report(app, SECRET, crqid, uuidOf(crqid), word, duration);
    }

    /** MSG91 ends the bridge itself when either party hangs up; nothing is asked of callmask. */
    /** Never asked: the carrier has no dial-in, so no menu ({@link #unsupported()}). */
    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        throw new AssertionError("MSG91 has no order-code menu");
    }

    /** Never asked: the carrier plays nothing of callmask's to the callee. */
    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        throw new AssertionError("MSG91 has no whisper");
    }

    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        return new Reply(204, "(MSG91 ends the bridge itself)", List.of(), null, null, false, null, null, true,
                false, null, null);
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        throw new UnsupportedOperationException("MSG91 documents no recording");
    }

    @Override
    public String newRecordingSid() {
        throw new UnsupportedOperationException("MSG91 documents no recording");
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        throw new UnsupportedOperationException("MSG91 documents no recording");
    }

    /** The report as an operator's webhook template writes it (every value a string). */
    static Reply report(CarrierApp app, String secret, String crqid, String uuid, String status, Integer duration) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("uuid", uuid);
        body.put("CRQID", crqid);
        body.put("requestedAt", "2026-11-25 09:23:27");
        body.put("status", status);
        body.put("duration", duration == null ? "" : String.valueOf(duration));
        body.put("charged", "0.40");
        body.put("direction", "outbound");
        body.put("failureReason", "");
        var r = Webhooks.post(app.base + "/webhooks/msg91/" + secret + "/report", "application/json",
                JSON.writeValueAsString(body), List.of());
        return new Reply(r.status(), r.body(), List.of(), null, null, false, null, null, false, false, null, null);
    }
}
