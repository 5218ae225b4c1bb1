package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.callmask.support.TwilioSigner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio, as documented: REST {@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json} (form,
 * basic auth AccountSid:AuthToken), voice webhooks as signed form posts ({@code X-Twilio-Signature},
 * HMAC-SHA1 over URL and sorted parameters), TwiML answers.
 */
final class TwilioDriver implements CarrierDriver {

    static final String ACCOUNT_SID = "AC" + "c0ffee".repeat(5) + "00";
    static final String AUTH_TOKEN = "conformance-twilio-token";
    private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--emulator.enabled=false", "--callmask.twilio.account-sid=" + ACCOUNT_SID,
                "--callmask.twilio.auth-token=" + AUTH_TOKEN, "--callmask.twilio.api-base-url=" + fakeBaseUrl);
    }

    @Override
    public void stub(WireMockServer fake) {
        fake.stubFor(post(urlPathEqualTo(CALLS))
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", matching(E164))
                .withFormParam("From", matching(E164))
                .withFormParam("Url", matching("https?://.+"))
                .withFormParam("Method", equalTo("POST"))
                .withFormParam("StatusCallback", matching("https?://.+"))
                .withFormParam("StatusCallbackMethod", equalTo("POST"))
                .withFormParam("Timeout", matching("[0-9]+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"sid":"CA{{randomValue length=32 type='HEXADECIMAL'}}","account_sid":"%s",
                                 "status":"queued","api_version":"2010-04-01"}"""
                                .formatted(ACCOUNT_SID))));
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        List<LoggedRequest> requests = fake.findAll(postRequestedFor(urlPathEqualTo(CALLS)));
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(CALLS))
                .filter(e -> to.equals(Webhooks.decode(e.getRequest().getBodyAsString()).get("To")))
                .findFirst().orElseThrow(() -> new AssertionError("no call placed to the number; got " + requests.size()));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(201);
        Map<String, String> form = Webhooks.decode(event.getRequest().getBodyAsString());
        assertThat(form.get("StatusCallbackEvent")).isNotNull();
        String sid = event.getResponse().getBodyAsString().replaceAll("(?s).*\"sid\":\"(CA[0-9a-fA-F]{32})\".*", "$1");
        return new PlacedCall(form.get("To"), form.get("From"), form.get("Url"), form.get("StatusCallback"), sid);
    }

    @Override
    public String newCallSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        return signed(call.answerUrl(), callParams(callSid, call.from(), call.to(), "in-progress", "outbound-api"));
    }

    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return signed(app.base + "/webhooks/twilio/voice", callParams(callSid, from, to, "ringing", "inbound"));
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        Map<String, String> params = callParams(callSid, from, to, "ringing", "inbound");
        String url = app.base + "/webhooks/twilio/voice";
        String wrong = TwilioSigner.sign("not-" + AUTH_TOKEN, url, params);
        var r = Webhooks.post(url, "application/x-www-form-urlencoded", Webhooks.form(params),
                List.<String[]>of(new String[] {"X-Twilio-Signature", wrong}));
        return XmlReplies.read(r.status(), r.body(), XmlReplies.TWIML);
    }

    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        Map<String, String> params = callParams(callSid, "+10000000000", "+10000000001", status, "outbound-api");
        params.put("SequenceNumber", String.valueOf(sequence));
        if (duration != null) {
            params.put("CallDuration", String.valueOf(duration));
        }
        return signed(statusUrl, params);
    }

    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        Map<String, String> params = callParams(newCallSid(), "+10000000000", "+10000000001", "in-progress", "inbound");
        params.put("DialCallStatus", status);
        params.put("DialCallSid", dialCallSid);
        if (duration != null) {
            params.put("DialCallDuration", String.valueOf(duration));
        }
        return signed(dial.dialActionUrl(), params);
    }

    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        Map<String, String> params = callParams(callSid, from, to, "in-progress", "inbound");
        params.put("Digits", digits);
        return signed(menu.menuActionUrl(), params);
    }

    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        return signed(dial.whisperUrl(), callParams(calleeSid, dial.callerId(), dial.dialNumber(), "in-progress",
                "outbound-dial"));
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("CallSid", callSid);
        params.put("RecordingSid", recordingSid);
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/"
                + recordingSid);
        params.put("RecordingStatus", "completed");
        params.put("RecordingDuration", String.valueOf(seconds));
        params.put("RecordingChannels", "2");
        params.put("RecordingSource", "DialVerb");
        return signed(app.base + "/webhooks/twilio/recording", params);
    }

    @Override
    public String newRecordingSid() {
        return "RE" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid + ".wav";
        fake.stubFor(get(urlPathEqualTo(path)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(audio)));
        return path;
    }

    private static Map<String, String> callParams(String callSid, String from, String to, String status,
            String direction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("To", to);
        params.put("Caller", from);
        params.put("Called", to);
        params.put("CallStatus", status);
        params.put("Direction", direction);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** Twilio requests and signs a callback URL without its fragment (the connection overrides). */
    private static Reply signed(String callbackUrl, Map<String, String> params) {
        int fragment = callbackUrl.indexOf('#');
        String url = fragment < 0 ? callbackUrl : callbackUrl.substring(0, fragment);
        var r = Webhooks.post(url, "application/x-www-form-urlencoded", Webhooks.form(params),
                List.<String[]>of(new String[] {"X-Twilio-Signature", TwilioSigner.sign(AUTH_TOKEN, url, params)}));
        return XmlReplies.read(r.status(), r.body(), XmlReplies.TWIML);
    }
}
