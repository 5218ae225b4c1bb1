package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exotel, as far as it is documented (docs/carriers.md#exotel). Click-to-call is {@code POST
 * /v1/Accounts/<sid>/Calls/connect.json} (form, HTTP Basic) with {@code From}, {@code To},
 * {@code CallerId} and our call id as {@code CustomField}; Exotel bridges both legs itself, so the
 * "answered" step is the REST request, and it posts one StatusCallback (JSON, as requested) when the
 * call ends, with both legs. A dial-in runs the ExoPhone's flow: the Connect applet GETs our
 * {@code connect} URL (numbers in India's trunk form {@code 0…}), then the sync Passthru GETs
 * {@code dial-ended} and, on 302, the Greeting fetches its text from {@code greeting}.
 */
final class ExotelDriver implements CarrierDriver {

    static final String SID = "conformance-exotel";
    static final String KEY = "conformance-exotel-key";
    static final String TOKEN = "conformance-exotel-token";
    static final String SECRET = "conformance-exotel-secret-0123456789abcdef";
    private static final String CONNECT = "/v1/Accounts/" + SID + "/Calls/connect.json";
    private static final String E164 = "\\+91[0-9]{10}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "exotel";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=exotel", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.exotel.enabled=true", "--callmask.carriers.exotel.account-sid=" + SID,
                "--callmask.carriers.exotel.api-key=" + KEY, "--callmask.carriers.exotel.api-token=" + TOKEN,
                "--callmask.carriers.exotel.webhook-secret=" + SECRET,
                "--callmask.carriers.exotel.api-base-url=" + fakeBaseUrl,
                "--callmask.pool=" + String.join(",", CarrierApp.POOL), "--callmask.hubs=");
    }

    @Override
    public void stub(WireMockServer fake) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        fake.stubFor(post(urlPathEqualTo(CONNECT))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("From", matching(E164))
                .withFormParam("To", matching(E164))
                .withFormParam("CallerId", matching(E164))
                .withFormParam("CallType", equalTo("trans"))
                .withFormParam("TimeOut", matching("[1-9][0-9]?"))
                .withFormParam("TimeLimit", matching("[1-9][0-9]{0,4}"))
                .withFormParam("StatusCallback", matching("https?://.+/webhooks/exotel/" + SECRET + "/status"))
                .withFormParam("StatusCallbackEvents[0]", equalTo("terminal"))
                .withFormParam("StatusCallbackContentType", equalTo("application/json"))
                .withFormParam("CustomField", matching("call_[0-9a-f]{24}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"Call\":{\"Sid\":\"{{randomValue length=32 type='HEXADECIMAL'}}\","
                                + "\"ParentCallSid\":null,\"DateCreated\":\"2026-11-25 10:00:00\","
                                + "\"Status\":\"in-progress\",\"Direction\":\"outbound-api\"}}")));
    }

    /** The refused recorded session runs inline ({@link CarrierConformance#recordingIsRefusedClearly}). */
    @Override
    public Map<String, String> notSupported() {
        return Map.of("aRecordedCallTellsBothPartiesAndOnlyOperatorsHearTheCarriersCopy", "Exotel documents no "
                + "way to delete a recording and callmask plays no notice through its applets: recorded sessions are "
                + "refused (422 carrier-cannot-record; a dial-in hears the unavailable message)");
    }

    @Override
    public Map<String, Unsupported> unsupported() {
        return Map.of(
                "aBusyRetailerOnTheHubChoosesTheOrderByCodeAndHearsWhichOrderWhenCalled", new Unsupported("the Gather "
                        + "applet's dynamic answer is documented only by third-party code: Exotel numbers may not be "
                        + "hubs (refused at start-up)", Refusals.dialInRefusedAtStartUp()),
                "clickToCallToABusyCustomerEndsBusyAndTellsTheRetailer", new Unsupported("Exotel bridges the "
                        + "click-to-call itself and plays nothing of callmask's; its terminal callback ends the call busy",
                        unreachable("busy", "busy")),
                "clickToCallToACustomerWhoDoesNotAnswerEndsNoAnswer", new Unsupported("as busy: the terminal "
                        + "callback ends the call no-answer; nothing is said", unreachable("no-answer", "no-answer")));
    }

    @Override
    public boolean oneCallerIdForBothLegs() {
        return true;
    }

    /** Exotel's terminal callback for a callee who could not be reached; repeated, it changes nothing. */
    private java.util.function.Consumer<CarrierConformance> unreachable(String word, String outcome) {
        return suite -> {
            var p = suite.session(false);
            String callId = suite.startCall(p, "retailer");
            PlacedCall placed = placed(suite.fake, p.retailer());
            assertThat(placed.from()).isEqualTo(p.retailerMasked());
            CarrierConformance.accepted(callback(suite.app, SECRET, callId, placed.carrierSid(), word, 0,
                    List.of(leg("completed", 8), leg(word, 0))));
            CarrierConformance.accepted(callback(suite.app, SECRET, callId, placed.carrierSid(), word, 0,
                    List.of(leg("completed", 8), leg(word, 0))));
            JsonNode call = suite.call(callId);
            assertThat(call.get("status").asString()).isEqualTo(outcome);
            List<String> legs = new ArrayList<>();
            call.get("legs").forEach(l -> legs.add(l.get("role").asString() + "=" + l.get("status").asString()));
            assertThat(legs).containsExactlyInAnyOrder("caller=completed", "callee=" + outcome);
        };
    }

    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CONNECT))
                .filter(e -> to.equals(Webhooks.decode(e.getRequest().getBodyAsString()).get("From")))
                .findFirst().orElseThrow(() -> new AssertionError("no Exotel connect call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(200);
        Map<String, String> form = Webhooks.decode(event.getRequest().getBodyAsString());
        String sid = JSON.readTree(event.getResponse().getBodyAsString()).path("Call").path("Sid").asString();
        String callId = form.get("CustomField");
        return new PlacedCall(form.get("From"), form.get("CallerId"), event.getRequest().getBodyAsString(),
                "caller:" + callId + ":" + sid, sid);
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** No webhook: Exotel dials {@code To} by itself; this reads what callmask asked it to dial. */
    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        Map<String, String> form = Webhooks.decode(call.answerUrl());
        String callee = "callee:" + form.get("CustomField") + ":" + call.carrierSid();
        return new Reply(200, call.answerUrl(), List.of(), form.get("To"), form.get("CallerId"), false, callee, callee,
                false, false, null, null);
    }

    /** The flow's Connect applet asks whom to dial; nobody: its Passthru and Greeting follow, as Exotel runs them. */
    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return incoming(app, SECRET, callSid, from, to);
    }

    private Reply incoming(CarrierApp app, String secret, String callSid, String from, String to) {
        Map<String, String> q = applet(callSid, from, to);
        var r = Webhooks.get(app.base + "/webhooks/exotel/" + secret + "/connect?" + Webhooks.form(q),
                List.<String[]>of(new String[] {"Exotel-Version", "1.0"}));
        if (r.status() != 200) {
            return new Reply(r.status(), r.body(), List.of(), null, null, false, null, null, false, false, null, null);
        }
        JsonNode answer = JSON.readTree(r.body());
        JsonNode numbers = answer.path("destination").path("numbers");
        if (numbers.size() > 0) {
            String dialIn = "dialin:" + callSid + ":" + from + ":" + to;
            return new Reply(200, r.body(), List.of(), numbers.get(0).asString(),
                    answer.path("outgoing_phone_number").asString(), answer.path("record").asBoolean(), dialIn, dialIn,
                    false, false, null, null);
        }
        return passthruThenGreeting(app, callSid, from, to, "incomplete", null, r.body());
    }

    /** The sync Passthru after the Connect applet; on 302 the Greeting fetches its text (HEAD first, as Exotel does). */
    private Reply passthruThenGreeting(CarrierApp app, String callSid, String from, String to, String callType,
            Integer duration, String connectBody) {
        Map<String, String> q = applet(callSid, from, to);
        q.put("CallType", callType);
        if (duration != null) {
            q.put("DialCallDuration", String.valueOf(duration));
        }
        var passthru = Webhooks.get(app.base + "/webhooks/exotel/" + SECRET + "/dial-ended?" + Webhooks.form(q),
                List.of());
        if (passthru.status() == 200) {
            return new Reply(200, connectBody, List.of(), null, null, false, null, null, true, false, null, null);
        }
        assertThat(passthru.status()).as("the Passthru's failure branch: " + passthru.body()).isEqualTo(302);
        String greeting = app.base + "/webhooks/exotel/" + SECRET + "/greeting?" + Webhooks.form(Map.of(
                "CallSid", callSid, "From", trunk(from), "To", trunk(to)));
        var text = Webhooks.get(greeting, List.of());
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        return new Reply(200, connectBody + "\n" + text.body(), List.of(text.body()), null, null, false, null, null,
                true, false, null, null);
    }

    private static Map<String, String> applet(String callSid, String from, String to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("CallSid", callSid);
        q.put("CallFrom", trunk(from));
        q.put("CallTo", trunk(to));
        q.put("Direction", "incoming");
        q.put("Created", "Wed, 25 Nov 2026 10:00:00");
        q.put("DialCallDuration", "0");
        q.put("StartTime", "2026-11-25 10:00:00");
        q.put("EndTime", "1970-01-01 05:30:00");
        q.put("CallType", "call-attempt");
        q.put("CurrentTime", "2026-11-25 10:00:01");
        return q;
    }

    /** India's trunk form, as Exotel writes Indian numbers in applet requests: 0 and ten digits. */
    private static String trunk(String e164) {
        return e164.startsWith("+91") ? "0" + e164.substring(3) : e164;
    }

    /** Exotel signs nothing: a forger does not know the path's secret and gets an ordinary 404. */
    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return incoming(app, "not-the-secret-0123456789abcdef0123", callSid, from, to);
    }

    @Override
    public int refusedStatus() {
        return 404;
    }

    /**
     * Exotel posts one StatusCallback per click-to-call (the terminal event, both legs) and an answered
     * event; it reports no ringing, and no leg of an applet dial (the Passthru does). The callee's
     * completion is the call's terminal event; the caller's own "completed" is that same event, so it
     * is not sent twice.
     */
    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        String[] parts = statusUrl.split(":");
        if (!parts[0].equals("dialin") && !status.equals("ringing") && !(parts[0].equals("caller")
                && status.equals("completed"))) {
            String callId = parts[1];
            String sid = parts[2];
            if (status.equals("in-progress")) {
                return callback(app, SECRET, callId, sid, "in-progress", null, null);
            }
            int talked = duration == null ? 0 : duration;
            return callback(app, SECRET, callId, sid, status, talked, List.of(leg("completed", talked),
                    leg(status, talked)));
        }
        return new Reply(204, "(Exotel reports no '" + status + "' for the " + parts[0] + ")", List.of(), null, null,
                false, null, null, false, false, null, null);
    }

    /** A click-to-call's bridge ends by itself; a dial-in's Connect applet is followed by the Passthru. */
    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        if (!dial.dialActionUrl().startsWith("dialin:")) {
            return new Reply(204, "(Exotel ends the bridge itself)", List.of(), null, null, false, null, null, true,
                    false, null, null);
        }
        String[] parts = dial.dialActionUrl().split(":");
        String callType = status.equals("completed") ? "completed" : "incomplete";
        return passthruThenGreeting(app, parts[1], parts[2], parts[3], callType, duration, dial.body());
    }

    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        throw new AssertionError("Exotel numbers are no hubs: no order-code menu");
    }

    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        throw new AssertionError("callmask plays no whisper through Exotel");
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        throw new UnsupportedOperationException("recorded sessions are refused on Exotel");
    }

    @Override
    public String newRecordingSid() {
        throw new UnsupportedOperationException("recorded sessions are refused on Exotel");
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        throw new UnsupportedOperationException("recorded sessions are refused on Exotel");
    }

    private static Map<String, Object> leg(String status, int onCall) {
        Map<String, Object> leg = new LinkedHashMap<>();
        leg.put("OnCallDuration", onCall);
        leg.put("Status", status);
        leg.put("AnsweredBy", "human");
        return leg;
    }

    /** A StatusCallback as Exotel posts it with StatusCallbackContentType=application/json. */
    static Reply callback(CarrierApp app, String secret, String callId, String sid, String status, Integer talked,
            List<Map<String, Object>> legs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CallSid", sid);
        body.put("EventType", legs == null ? "answered" : "terminal");
        body.put("Status", status);
        body.put("DateCreated", "2026-11-25 10:00:00");
        body.put("DateUpdated", "2026-11-25 10:01:00");
        body.put("RecordingUrl", null);
        body.put("Direction", "outbound-api");
        body.put("CustomField", callId);
        if (talked != null) {
            body.put("ConversationDuration", talked);
        }
        if (legs != null) {
            body.put("Legs", legs);
        }
        var r = Webhooks.post(app.base + "/webhooks/exotel/" + secret + "/status", "application/json",
                JSON.writeValueAsString(body), List.of());
        return new Reply(r.status(), r.body(), List.of(), null, null, false, null, null, false, false, null, null);
    }
}
