package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon Connect, as documented (docs/carriers.md#amazon-connect): {@code StartOutboundVoiceContact}
 * is {@code PUT /contact/outbound-voice} (JSON, SigV4 for service {@code connect}) answering a
 * {@code ContactId}; the flows' Lambda events ({@code Name: ContactFlowEvent}) and EventBridge contact
 * events reach callmask through the forwarding Lambda, which signs them with callmask's own HMAC scheme
 * (written here independently of the adapter); answers are flat attribute maps. Connect cannot record an
 * agent-less transfer nor tell a busy line from a failed call: those scenarios are checked refused.
 */
final class ConnectDriver implements CarrierDriver {

    static final String INSTANCE = "11111111-2222-3333-4444-555555555555";
    static final String FLOW = "66666666-7777-8888-9999-000000000000";
    static final String KEY_ID = "AKIACONFORMANCE00001";
    static final String SECRET = "conformance-webhook-secret-0123456789abcdef";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    ConnectDriver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public Map<String, String> notSupported() {
        return Map.of("clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer",
                "Transfer to phone number has no busy branch: a busy line ends failed",
                "aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy",
                "recording of an agent-less external transfer is not documented: refused",
                "aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled",
                "the order-code menu works; a transfer has no whisper, so the hub party is not told the order");
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=connect", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.connect.enabled=true", "--callmask.carriers.connect.instance-id=" + INSTANCE,
                "--callmask.carriers.connect.contact-flow-id=" + FLOW,
                "--callmask.carriers.connect.region=ap-south-1",
                "--callmask.carriers.connect.access-key-id=" + KEY_ID,
                "--callmask.carriers.connect.secret-access-key=conformance-secret-access-key",
                "--callmask.carriers.connect.endpoint-override=" + fakeBaseUrl,
                "--callmask.carriers.connect.webhook-secret=" + SECRET);
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(put(urlPathEqualTo("/contact/outbound-voice"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + KEY_ID
                        + "/[0-9]{8}/ap-south-1/connect/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("[0-9]{8}T[0-9]{6}Z"))
                .withHeader("Content-Type", containing("json"))
                .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(INSTANCE)))
                .withRequestBody(matchingJsonPath("$.ContactFlowId", equalTo(FLOW)))
                .withRequestBody(matchingJsonPath("$.DestinationPhoneNumber", matching(E164)))
                .withRequestBody(matchingJsonPath("$.SourcePhoneNumber", matching(E164)))
                .withRequestBody(matchingJsonPath("$.Attributes.callmaskCallId", matching("[A-Za-z0-9_-]+")))
                .withRequestBody(matchingJsonPath("$.ClientToken", matching("[A-Za-z0-9_-]+")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"ContactId\":\"{{randomValue type='UUID'}}\"}")));
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/contact/outbound-voice"))
                .filter(e -> to.equals(JSON.readTree(e.getRequest().getBodyAsString()).path("DestinationPhoneNumber")
                        .asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no Connect contact started to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(200);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        String callId = body.get("Attributes").get("callmaskCallId").asString();
        assertThat(body.get("ClientToken").asString()).as("idempotent per call").isEqualTo(callId);
        String contactId = JSON.readTree(event.getResponse().getBodyAsString()).get("ContactId").asString();
        return new PlacedCall(to, body.get("SourcePhoneNumber").asString(), callId, "events:caller", contactId);
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString();
    }

    /** The outbound flow's Invoke AWS Lambda function block, forwarded to /connect. */
    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        return flowStep(app, "/connect", flowEvent(callSid, "OUTBOUND", call.to(), call.from(),
                Map.of("callmaskCallId", call.answerUrl()), Map.of("callmaskStep", "connect")), callSid, SECRET);
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return flowStep(app, "/inbound", flowEvent(callSid, "INBOUND", from, to, Map.of(),
                Map.of("callmaskStep", "inbound")), callSid, SECRET);
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return flowStep(app, "/inbound", flowEvent(callSid, "INBOUND", from, to, Map.of(),
                Map.of("callmaskStep", "inbound")), callSid, "not-" + SECRET);
    }

    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        return menu(app, callSid, from, to, digits, 1);
    }

    /** Connect lists no WHISPER: callmask never names a whisper for it, so nothing may fetch one. */
    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        throw new AssertionError("Amazon Connect has no whisper; callmask must not ask for one");
    }

    /** The menu's Store customer input, sent back by the flow's Lambda block with the digits and attempt. */
    Reply menu(CarrierApp app, String callSid, String from, String to, String digits, int attempt) {
        return flowStep(app, "/menu", flowEvent(callSid, "INBOUND", from, to, Map.of(), Map.of("callmaskStep", "menu",
                "digits", digits, "attempt", String.valueOf(attempt))), callSid, SECRET);
    }

    /**
     * A contact event through EventBridge: the caller's leg is its own contact; the callee of a transfer
     * is a contact whose previousContactId is the caller's ({@code events:callee:<contact>}).
     */
    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("contactId", callSid);
        detail.put("channel", "Voice"); // as in AWS's sample DISCONNECTED event
        detail.put("instanceArn", "arn:aws:connect:ap-south-1:123456789012:instance/" + INSTANCE);
        Instant started = Instant.parse("2026-11-25T10:00:00Z");
        detail.put("initiationTimestamp", started.toString());
        if (statusUrl.startsWith("events:callee:")) {
            detail.put("initiationMethod", "TRANSFER");
            detail.put("previousContactId", statusUrl.substring("events:callee:".length()));
        } else {
            detail.put("initiationMethod", "OUTBOUND");
        }
        switch (status) {
            case "ringing" -> detail.put("eventType", "INITIATED");
            case "in-progress" -> {
                detail.put("eventType", "CONNECTED_TO_SYSTEM");
                detail.put("connectedToSystemTimestamp", started.plusSeconds(3).toString());
            }
            case "completed" -> {
                detail.put("eventType", "DISCONNECTED");
                detail.put("connectedToSystemTimestamp", started.plusSeconds(3).toString());
                detail.put("disconnectTimestamp", started.plusSeconds(3 + (duration == null ? 0 : duration)).toString());
            }
            default -> { // busy, no-answer, failed: never connected
                detail.put("eventType", "DISCONNECTED");
                detail.put("disconnectTimestamp", started.plusSeconds(30).toString());
            }
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Amazon Connect Contact Event");
        event.put("source", "aws.connect");
        event.put("account", "123456789012");
        event.put("time", started.toString());
        event.put("region", "ap-south-1");
        event.put("resources", List.of());
        event.put("detail", detail);
        var r = post(app, "/events", JSON.writeValueAsString(event), SECRET);
        return new Reply(r.status(), r.body(), List.of(), null, null, false, null, null, false, false, null, null);
    }

    /** The transfer block's branch, sent by the flow's Lambda block on that branch. */
    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        String contactId = dial.dialActionUrl().substring("transfer-ended:".length());
        String outcome = switch (status) {
            case "completed" -> "success";
            case "no-answer" -> "timeout";
            default -> "call-failed";
        };
        return flowStep(app, "/transfer-ended", flowEvent(contactId, "INBOUND", "+919800000000", "+918047180001",
                Map.of(), Map.of("callmaskStep", "transfer-ended", "outcome", outcome)), contactId, SECRET);
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        throw new UnsupportedOperationException("Connect recordings are not supported");
    }

    @Override
    public String newRecordingSid() {
        throw new UnsupportedOperationException("Connect recordings are not supported");
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        throw new UnsupportedOperationException("Connect recordings are not supported");
    }

    /** Amazon Connect's Lambda event (docs.aws.amazon.com/lambda/latest/dg/services-connect.html). */
    static Map<String, Object> flowEvent(String contactId, String method, String customer, String system,
            Map<String, String> attributes, Map<String, String> parameters) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Attributes", attributes);
        data.put("Channel", "VOICE");
        data.put("ContactId", contactId);
        data.put("CustomerEndpoint", Map.of("Address", customer, "Type", "TELEPHONE_NUMBER"));
        data.put("InitialContactId", contactId);
        data.put("InitiationMethod", method);
        data.put("InstanceARN", "arn:aws:connect:ap-south-1:123456789012:instance/" + INSTANCE);
        data.put("PreviousContactId", contactId);
        data.put("Queue", null);
        data.put("SystemEndpoint", Map.of("Address", system, "Type", "TELEPHONE_NUMBER"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ContactData", data);
        details.put("Parameters", parameters);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Details", details);
        event.put("Name", "ContactFlowEvent");
        return event;
    }

    /** The Lambda's signature: v1= hex HMAC-SHA256(secret, timestamp + "." + body). */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Webhooks.Response post(CarrierApp app, String path, String body, String secret) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return Webhooks.post(app.base + "/webhooks/connect" + path, "application/json", body, List.of(
                new String[] {"X-Callmask-Timestamp", timestamp},
                new String[] {"X-Callmask-Signature", sign(secret, timestamp, body)}));
    }

    /** Reads the flat attribute answer as the flow would branch on it. */
    private Reply flowStep(CarrierApp app, String path, Map<String, Object> event, String contactId, String secret) {
        var r = post(app, path, JSON.writeValueAsString(event), secret);
        if (r.status() != 200) {
            return new Reply(r.status(), r.body(), List.of(), null, null, false, null, null, false, false, null, null);
        }
        JsonNode a = JSON.readTree(r.body());
        String action = a.get("action").asString();
        List<String> said = new ArrayList<>();
        if (!a.get("prompt").asString().isEmpty()) {
            said.add(a.get("prompt").asString());
        }
        boolean transfer = action.equals("transfer");
        return new Reply(r.status(), r.body(), said, transfer ? a.get("transferTo").asString() : null,
                transfer ? a.get("callerId").asString() : null, false, "transfer-ended:" + contactId,
                "events:callee:" + contactId, action.equals("hangup"), action.equals("menu"), null, null);
    }
}
