package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telnyx TeXML, as documented (docs/carriers.md#telnyx): REST {@code POST
 * /v2/texml/Accounts/{account}/Calls} with a JSON body of PascalCase fields and a Bearer key, whose
 * answer carries no call id; webhooks as form posts with TwiML's names, signed with Ed25519 over
 * {@code timestamp|body} ({@code telnyx-signature-ed25519}, {@code telnyx-timestamp}); TeXML answers.
 */
final class TelnyxDriver implements CarrierDriver {

    static final String API_KEY = "KEYconformance0123456789";
    static final String ACCOUNT = "f5586561-8ff0-4291-a51b-c7dfe4139ff9";
    static final String APPLICATION = "1293384261075731499";
    private static final String CALLS = "/v2/texml/Accounts/" + ACCOUNT + "/Calls";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyPair keys = ed25519();
    private final KeyPair stranger = ed25519();
    private final java.time.Clock clock;

    TelnyxDriver(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "telnyx";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=telnyx", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.telnyx.enabled=true", "--callmask.carriers.telnyx.api-key=" + API_KEY,
                "--callmask.carriers.telnyx.account-sid=" + ACCOUNT,
                "--callmask.carriers.telnyx.application-sid=" + APPLICATION,
                "--callmask.carriers.telnyx.public-key=" + publicKey(keys),
                "--callmask.carriers.telnyx.api-base-url=" + fakeBaseUrl);
    }

    /** The account's public key as the Telnyx portal shows it: Base64 of the 32 raw bytes. */
    static String publicKey(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(post(urlPathEqualTo(CALLS))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.ApplicationSid", equalTo(APPLICATION)))
                .withRequestBody(matchingJsonPath("$.To", matching(E164)))
                .withRequestBody(matchingJsonPath("$.From", matching(E164)))
                .withRequestBody(matchingJsonPath("$.Url", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.UrlMethod", equalTo("POST")))
                .withRequestBody(matchingJsonPath("$.StatusCallback", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.StatusCallbackEvent",
                        equalTo("initiated ringing answered completed")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"from\":\"{{jsonPath request.body '$.From'}}\",\"status\":\"queued\","
                                + "\"to\":\"{{jsonPath request.body '$.To'}}\"}")));
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CALLS))
                .filter(e -> to.equals(JSON.readTree(e.getRequest().getBodyAsString()).path("To").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no TeXML call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(200);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        return new PlacedCall(body.get("To").asString(), body.get("From").asString(), body.get("Url").asString(),
                body.get("StatusCallback").asString(), null);
    }

    @Override
    public String newCallSid() {
        return "v3:" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 50);
    }

    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        return signed(call.answerUrl(), callParams(callSid, call.from(), call.to(), "in-progress", "outbound"), keys);
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return signed(app.base + "/webhooks/telnyx/voice", callParams(callSid, from, to, "ringing", "inbound"), keys);
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return signed(app.base + "/webhooks/telnyx/voice", callParams(callSid, from, to, "ringing", "inbound"),
                stranger);
    }

    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        Map<String, String> params = callParams(callSid, "+13120001234", "+13121230000", status, "outbound");
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", String.valueOf(sequence));
        params.put("Timestamp", "2026-11-25T10:30:00Z");
        if (duration != null) {
            params.put("CallDuration", String.valueOf(duration));
        }
        return signed(statusUrl, params, keys);
    }

    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        Map<String, String> params = callParams(newCallSid(), "+13120001234", "+13121230000", "in-progress", "inbound");
        params.put("DialCallStatus", status);
        params.put("DialCallSid", dialCallSid);
        if (duration != null) {
            params.put("DialCallDuration", String.valueOf(duration));
        }
        return signed(dial.dialActionUrl(), params, keys);
    }

    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        Map<String, String> params = callParams(callSid, from, to, "in-progress", "inbound");
        params.put("Digits", digits);
        return signed(menu.menuActionUrl(), params, keys);
    }

    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        return signed(dial.whisperUrl(), callParams(calleeSid, dial.callerId(), dial.dialNumber(), "in-progress",
                "outbound"), keys);
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT);
        params.put("CallSid", callSid);
        params.put("CallSidLegacy", callSid);
        params.put("ConnectionId", APPLICATION);
        params.put("RecordingChannels", "2");
        params.put("RecordingDuration", String.valueOf(seconds));
        params.put("RecordingSid", recordingSid);
        params.put("RecordingSource", "DialVerb");
        params.put("RecordingStatus", "completed");
        params.put("RecordingUrl", "https://s3.amazonaws.com/telephony-recorder-prod/" + recordingSid + ".mp3");
        return signed(app.base + "/webhooks/telnyx/recording", params, keys);
    }

    @Override
    public String newRecordingSid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        String media = "/media/" + recordingSid + ".mp3";
        fake.stubFor(get(urlPathEqualTo("/v2/texml/Accounts/" + ACCOUNT + "/Recordings/" + recordingSid + ".json"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"account_sid":"%s","call_sid":"v3:x","channels":"dual","duration":12,
                         "media_url":"%s","sid":"%s","source":"DialVerb","status":"completed"}"""
                        .formatted(ACCOUNT, fake.baseUrl() + media, recordingSid))));
        fake.stubFor(get(urlPathEqualTo(media))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(audio)));
        return media;
    }

    private static Map<String, String> callParams(String callSid, String from, String to, String status,
            String direction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT);
        params.put("CallSid", callSid);
        params.put("CallSidLegacy", callSid);
        params.put("CallStatus", status);
        params.put("ConnectionId", APPLICATION);
        params.put("Direction", direction);
        params.put("From", from);
        params.put("To", to);
        return params;
    }

    /** Signs {@code timestamp|body} with {@code pair}'s private key, as Telnyx signs with the account's. */
    private Reply signed(String url, Map<String, String> params, KeyPair pair) {
        String body = Webhooks.form(params);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        var r = Webhooks.post(url, "application/x-www-form-urlencoded", body, List.of(
                new String[] {"telnyx-signature-ed25519", sign(pair.getPrivate(), timestamp + "|" + body)},
                new String[] {"telnyx-timestamp", timestamp}));
        return XmlReplies.read(r.status(), r.body(), XmlReplies.TWIML);
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
