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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plivo, as documented (docs/carriers.md#plivo): REST {@code POST /v1/Account/{auth_id}/Call/} with
 * a snake_case JSON body and HTTP Basic, numbers as digits without {@code +}, answering only a
 * {@code request_uuid}; webhooks as form posts signed with signature V3 (HMAC-SHA256 over URL, sorted
 * query, sorted form and the nonce, keyed with the Auth Token); Plivo XML answers. A callee leg has no
 * ringing or busy event of its own in Plivo: such reports are not sent (the Dial's action tells).
 */
final class PlivoDriver implements CarrierDriver {

    static final String AUTH_ID = "MAZDQ1ZJIYMDY4ZDG4YT";
    static final String AUTH_TOKEN = "conformance-plivo-token";
    private static final String CALLS = "/v1/Account/" + AUTH_ID + "/Call/";
    private static final String DIGITS = "[1-9][0-9]{6,14}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "plivo";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=plivo", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.plivo.enabled=true", "--callmask.carriers.plivo.auth-id=" + AUTH_ID,
                "--callmask.carriers.plivo.auth-token=" + AUTH_TOKEN,
                "--callmask.carriers.plivo.api-base-url=" + fakeBaseUrl);
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(post(urlPathEqualTo(CALLS))
                .withBasicAuth(AUTH_ID, AUTH_TOKEN)
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.from", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.to", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.answer_url", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.answer_method", equalTo("POST")))
                .withRequestBody(matchingJsonPath("$.hangup_url", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.ring_url", matching("https?://.+")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"api_id\":\"{{randomValue type='UUID'}}\",\"message\":\"call fired\","
                                + "\"request_uuid\":\"{{randomValue type='UUID'}}\"}")));
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CALLS))
                .filter(e -> to.equals("+" + JSON.readTree(e.getRequest().getBodyAsString()).path("to").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no Plivo call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(201);
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        assertThat(body.get("ring_url").asString()).isEqualTo(body.get("hangup_url").asString());
        return new PlacedCall("+" + body.get("to").asString(), "+" + body.get("from").asString(),
                body.get("answer_url").asString(), body.get("hangup_url").asString(), null);
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        return signed(call.answerUrl(), callParams(callSid, call.from(), call.to(), "in-progress", "outbound"),
                AUTH_TOKEN);
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return signed(app.base + "/webhooks/plivo/voice", callParams(callSid, from, to, "ringing", "inbound"),
                AUTH_TOKEN);
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return signed(app.base + "/webhooks/plivo/voice", callParams(callSid, from, to, "ringing", "inbound"),
                "not-" + AUTH_TOKEN);
    }

    /**
     * The first leg reports to ring_url/hangup_url (CallStatus, Duration); the callee's leg only through
     * the Dial's callbackUrl ({@code DialAction} answer or hangup, {@code DialBLegDuration}).
     */
    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        if (statusUrl.contains("/dial-events")) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("DialALegUUID", UUID.randomUUID().toString());
            params.put("DialBLegUUID", callSid);
            switch (status) {
                case "in-progress" -> {
                    params.put("DialAction", "answer");
                    params.put("DialBLegStatus", "answer");
                }
                case "completed" -> {
                    params.put("DialAction", "hangup");
                    params.put("DialBLegStatus", "hangup");
                    params.put("DialBLegDuration", String.valueOf(duration == null ? 0 : duration));
                    params.put("DialBLegBillDuration", String.valueOf(duration == null ? 0 : 60));
                    params.put("DialBLegHangupCause", "NORMAL_CLEARING");
                }
                default -> {
                    return new Reply(204, "(Plivo reports no '" + status + "' event for a dialled leg)", List.of(),
                            null, null, false, null, null, false, false, null, null);
                }
            }
            return signed(statusUrl, params, AUTH_TOKEN);
        }
        Map<String, String> params = callParams(callSid, "+918045678901", "+919876543210", status, "outbound");
        if (duration != null) {
            params.put("Duration", String.valueOf(duration));
            params.put("BillDuration", String.valueOf(duration == 0 ? 0 : 60));
        }
        return signed(statusUrl, params, AUTH_TOKEN);
    }

    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("DialStatus", status);
        params.put("DialRingStatus", "true");
        params.put("DialHangupCause", status.equals("completed") ? "NORMAL_CLEARING" : "USER_BUSY");
        params.put("DialALegUUID", UUID.randomUUID().toString());
        params.put("DialBLegUUID", status.equals("completed") ? dialCallSid : "");
        return signed(dial.dialActionUrl(), params, AUTH_TOKEN);
    }

    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        Map<String, String> params = callParams(callSid, from, to, "in-progress", "inbound");
        params.put("Digits", digits);
        return signed(menu.menuActionUrl(), params, AUTH_TOKEN);
    }

    /** confirmSound: "fetched with a POST HTTP request" when the callee answers. */
    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        return signed(dial.whisperUrl(), callParams(calleeSid, dial.callerId(), dial.dialNumber(), "in-progress",
                "outbound"), AUTH_TOKEN);
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        String callback = dial.body().replaceAll("(?s).*<Record [^>]*callbackUrl=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RecordUrl", "https://s3.amazonaws.com/recordings_2013/" + recordingSid + ".mp3");
        params.put("RecordingID", recordingSid);
        params.put("RecordingDuration", String.valueOf(seconds));
        params.put("RecordingDurationMs", String.valueOf(seconds * 1000));
        params.put("RecordingStartMs", "1764066600000");
        params.put("RecordingEndMs", String.valueOf(1764066600000L + seconds * 1000L));
        return signed(callback, params, AUTH_TOKEN);
    }

    @Override
    public String newRecordingSid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        String media = "/recordings_2013/" + recordingSid + ".mp3";
        fake.stubFor(get(urlPathEqualTo("/v1/Account/" + AUTH_ID + "/Recording/" + recordingSid + "/"))
                .withBasicAuth(AUTH_ID, AUTH_TOKEN)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"api_id":"%s","call_uuid":"%s","recording_id":"%s","recording_format":"mp3",
                         "recording_duration_ms":"12000.00000","recording_type":"call",
                         "recording_url":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), recordingSid,
                        fake.baseUrl() + media))));
        fake.stubFor(get(urlPathEqualTo(media))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(audio)));
        return media;
    }

    /** Plivo's call parameters; numbers with the country code and no {@code +}. */
    private static Map<String, String> callParams(String callUuid, String from, String to, String status,
            String direction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallUUID", callUuid);
        params.put("From", from.replaceFirst("^\\+", ""));
        params.put("To", to.replaceFirst("^\\+", ""));
        params.put("CallStatus", status);
        params.put("Direction", direction);
        params.put("Event", "StartApp");
        return params;
    }

    /** Signature V3 for a POST, written from Plivo's SDKs' description, independently of the adapter. */
    static String signatureV3(String url, Map<String, String> form, String nonce, String token) {
        java.net.URI uri = java.net.URI.create(url);
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + uri.getPath();
        String query = "";
        if (uri.getRawQuery() != null) {
            query = String.join("&", new TreeMap<>(Webhooks.decode(uri.getRawQuery())).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        StringBuilder data = new StringBuilder(base);
        if (!query.isEmpty() || !form.isEmpty()) {
            data.append('?').append(query);
        }
        if (!query.isEmpty() && !form.isEmpty()) {
            data.append('.');
        }
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        data.append('.').append(nonce);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply signed(String url, Map<String, String> params, String token) {
        String nonce = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        var r = Webhooks.post(url, "application/x-www-form-urlencoded", Webhooks.form(params), List.of(
                new String[] {"X-Plivo-Signature-V3", signatureV3(url, params, nonce, token)},
                new String[] {"X-Plivo-Signature-V3-Nonce", nonce}));
        return plus(XmlReplies.read(r.status(), r.body(), XmlReplies.PLIVO));
    }

    /** Plivo XML writes numbers without {@code +}; the scenarios compare E.164. */
    private static Reply plus(Reply r) {
        return new Reply(r.status(), r.body(), r.said(), r.dialNumber() == null ? null : "+" + r.dialNumber(),
                r.callerId() == null ? null : "+" + r.callerId(), r.recorded(), r.dialActionUrl(), r.calleeStatusUrl(),
                r.hangsUp(), r.menu(), r.menuActionUrl(), r.whisperUrl());
    }
}
