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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Knowlarity, as far as it is documented (docs/carriers.md#knowlarity): click-to-call is {@code POST
 * /Basic/v1/account/call/makecall} with the bare SR key in {@code Authorization} and {@code x-api-key},
 * JSON {@code k_number}, {@code agent_number}, {@code customer_number}, {@code caller_id} (E.164), answered
 * with {@code {"success":{"status":"success","call_id":…}}}. Knowlarity documents no status webhook, so
 * no scenario that needs one can run: each checks instead what callmask does know (the placed call,
 * queued under Knowlarity's call id) and that no Knowlarity webhook exists to forge.
 */
final class KnowlarityDriver implements CarrierDriver {

    static final String SR_KEY = "2b0fb4c3-6b2a-4c9e-9d55-conformance0";
    static final String API_KEY = "conformance-knowlarity-x-api-key";
    private static final String MAKECALL = "/Basic/v1/account/call/makecall";
    private static final String E164 = "\\+91[0-9]{10}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "knowlarity";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=knowlarity", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.knowlarity.enabled=true", "--callmask.carriers.knowlarity.sr-api-key=" + SR_KEY,
                "--callmask.carriers.knowlarity.api-key=" + API_KEY,
                "--callmask.carriers.knowlarity.api-base-url=" + fakeBaseUrl,
                "--callmask.pool=" + String.join(",", CarrierApp.POOL), "--callmask.hubs=");
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(post(urlPathEqualTo(MAKECALL))
                .withHeader("Authorization", equalTo(SR_KEY))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.k_number", matching(E164)))
                .withRequestBody(matchingJsonPath("$.agent_number", matching(E164)))
                .withRequestBody(matchingJsonPath("$.customer_number", matching(E164)))
                .withRequestBody(matchingJsonPath("$.caller_id", matching(E164)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"success\":{\"status\":\"success\",\"message\":\"Call successfully placed\","
                                + "\"call_id\":\"{{randomValue type='UUID'}}\"}}")));
    }

    @Override
    public Map<String, Unsupported> unsupported() {
        Unsupported noStatus = new Unsupported("Knowlarity documents no status webhook or call-status API: the "
                + "call is placed and stays queued", placedOnly());
        Unsupported dialIn = new Unsupported("Knowlarity documents no dial-in routing webhook; its numbers may "
                + "not be hubs", Refusals.dialInRefusedAtStartUp());
        Map<String, Unsupported> all = new HashMap<>();
        for (String s : List.of("clickToCallAnsweredBridgesShowingOnlyMaskedNumbers",
                "clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer",
                "clickToCallToACustomerWhoDoesNotAnswerEndsNoAnswer", "repeatedAndOutOfOrderCallbacksEndInTheSameState",
                "aForgedWebhookIsRefusedAndChangesNothing")) {
            all.put(s, noStatus);
        }
        for (String s : List.of("customerDialsInAndReachesTheRetailerUnderTheRetailersMaskedNumber",
                "retailerDialsInAndReachesTheCustomerUnderTheCustomersMaskedNumber",
                "aCallerOfAnExpiredSessionHearsItHasEndedAndNothingIsDialled",
                "aStrangerHearsAMessageAndNothingIsDialled",
                "aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled")) {
            all.put(s, dialIn);
        }
        all.put("aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy", new Unsupported(
                "Knowlarity documents no recording control for click-to-call", Refusals.recordingRefusedPerRequest()));
        return all;
    }

    /**
     * The documented request is sent (both parties, the retailer's masked number shown to both), the
     * call is stored under Knowlarity's call id and stays queued; no Knowlarity webhook exists.
     */
    private Consumer<CarrierConformance> placedOnly() {
        return suite -> {
            var p = suite.session(false);
            String callId = suite.startCall(p, "retailer");
            PlacedCall placed = placed(suite.fake, p.retailer());
            assertThat(placed.from()).isEqualTo(p.retailerMasked());
            JsonNode body = JSON.readTree(placed.answerUrl());
            assertThat(body.get("customer_number").asString()).isEqualTo(p.customer());
            assertThat(body.get("k_number").asString()).isEqualTo(p.retailerMasked());
            JsonNode call = suite.call(callId);
            assertThat(call.get("status").asString()).isEqualTo("queued");
            assertThat(call.get("legs")).hasSize(1);
            assertThat(call.get("legs").get(0).get("carrierSid").asString()).isEqualTo(placed.carrierSid());
            assertThat(call.toString()).doesNotContain(p.retailer(), p.customer());
            int legs = suite.app.rows("legs");
            var report = Webhooks.post(suite.app.base + "/webhooks/knowlarity/status", "application/json",
                    "{\"call_id\":\"" + placed.carrierSid() + "\",\"status\":\"completed\"}", List.of());
            assertThat(report.status()).as("no Knowlarity webhook").isEqualTo(404);
            assertThat(suite.app.rows("legs")).isEqualTo(legs);
        };
    }

    @Override
    public boolean oneCallerIdForBothLegs() {
        return true;
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MAKECALL))
                .filter(e -> to.equals(JSON.readTree(e.getRequest().getBodyAsString()).path("agent_number").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no Knowlarity call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(200);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        assertThat(body.get("caller_id").asString()).isEqualTo(body.get("k_number").asString());
        String callId = JSON.readTree(event.getResponse().getBodyAsString()).path("success").path("call_id").asString();
        return new PlacedCall(body.get("agent_number").asString(), body.get("caller_id").asString(),
                event.getRequest().getBodyAsString(), null, callId);
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString();
    }

    private static UnsupportedOperationException none() {
        return new UnsupportedOperationException("Knowlarity documents no webhook");
    }

    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        throw none();
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        throw none();
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        throw none();
    }

    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        throw none();
    }

    /** Never asked: the carrier has no dial-in, so no menu ({@link #unsupported()}). */
    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        throw new AssertionError("Knowlarity has no order-code menu");
    }

    /** Never asked: the carrier plays nothing of callmask's to the callee. */
    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        throw new AssertionError("Knowlarity has no whisper");
    }

    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        throw none();
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        throw none();
    }

    @Override
    public String newRecordingSid() {
        throw none();
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        throw none();
    }
}
