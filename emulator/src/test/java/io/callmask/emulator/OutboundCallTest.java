package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** REST-created calls driven through the official SDK, observed through webhooks and the control API. */
class OutboundCallTest extends EmulatorHttpTestBase {

    private static final String MASKED = "+918000000010";
    private static final List<String> ALL_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private Call create(String to, String voice, String status, int timeout) {
        return Call.creator(new PhoneNumber(to), new PhoneNumber(MASKED), URI.create(url(voice)))
                .setStatusCallback(URI.create(url(status))).setStatusCallbackEvent(ALL_EVENTS).setTimeout(timeout)
                .create(sdk);
    }

    private static Map<String, String> callback(String sid, String status, int sequence, String from, String to) {
        Map<String, String> expected = voiceParams(sid, status, "outbound-api", from, to);
        expected.put("CallbackSource", "call-progress-events");
        expected.put("SequenceNumber", Integer.toString(sequence));
        return expected;
    }

    @Test
    void sdkParsesTheCreatedCallAndFetchesItBack() {
        control.put("/emulator/phones/+919800000001", "{\"answer\":\"manual\"}");
        Call call = create("+919800000001", "noop", "status-parse", 20);

        assertThat(call.getSid()).matches("CA[0-9a-f]{32}");
        assertThat(call.getStatus()).isEqualTo(Call.Status.QUEUED);
        assertThat(call.getAccountSid()).isEqualTo(ACCOUNT);
        assertThat(call.getTo()).isEqualTo("+919800000001");
        assertThat(call.getFrom()).isEqualTo(MASKED);
        assertThat(call.getDirection()).isEqualTo("outbound-api");
        assertThat(call.getApiVersion()).isEqualTo("2010-04-01");
        assertThat(call.getDateCreated()).isBeforeOrEqualTo(ZonedDateTime.now());
        assertThat(call.getPriceUnit().getCurrencyCode()).isEqualTo("USD");
        assertThat(call.getUri()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + call.getSid() + ".json");
        assertThat(call.getStartTime()).isNull();
        assertThat(call.getDuration()).isNull();

        eventually().until(() -> Call.fetcher(call.getSid()).fetch(sdk).getStatus() == Call.Status.RINGING);
        Call cancelled = Call.updater(call.getSid()).setStatus(Call.UpdateStatus.CANCELED).update(sdk);
        assertThat(cancelled.getStatus()).isEqualTo(Call.Status.CANCELED);
        assertThat(cancelled.getEndTime()).isNotNull();
    }

    @Test
    void wrongCredentialsAreRefusedWithTwilios20003() {
        var wrong = EmulatorClients.sdk(port, ACCOUNT, "not-the-token");
        assertThatThrownBy(() -> Call.creator(new PhoneNumber("+919800000002"), new PhoneNumber(MASKED),
                URI.create(url("noop"))).create(wrong))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getCode()).isEqualTo(20003);
                });

        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT + ":nope").getBytes(StandardCharsets.UTF_8));
        var reply = control.postForm("/emulator/twilio/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json",
                "To=%2B919800000002&From=%2B918000000010&Url=http%3A%2F%2Fx", basic);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).isEqualTo(json("""
                {"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003",\
                "status":401}"""));
    }

    @Test
    void invalidToNumberIsRefusedWith21211() {
        assertThatThrownBy(() -> Call.creator(new PhoneNumber("12345"), new PhoneNumber(MASKED),
                URI.create(url("noop"))).create(sdk))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(21211);
                });
    }

    @Test
    void answeredCallDialsTheCalleeWithTheMaskedCallerIdAndReportsEveryStep() {
        String agent = "+919800000011";
        String customer = "+919800000012";
        control.put("/emulator/phones/" + agent, "{\"answer\":\"auto\",\"answerAfterSeconds\":1}");
        control.put("/emulator/phones/" + customer,
                "{\"answer\":\"auto\",\"answerAfterSeconds\":2,\"hangupAfterSeconds\":3}");
        app.answer("connect-1", "<Response><Dial callerId=\"" + MASKED + "\" action=\"dial-action-1\" timeout=\"20\">"
                + "<Number statusCallback=\"" + url("child-status-1") + "\" statusCallbackEvent=\"initiated ringing "
                + "answered completed\">" + customer + "</Number></Dial></Response>");

        String sid = create(agent, "connect-1", "status-1", 20).getSid();

        eventually().until(() -> app.hooks("status-1").size() == 4);
        List<FakeApp.Hook> status = app.hooks("status-1");
        assertThat(status).allSatisfy(h -> {
            assertThat(h.signatureValid()).isTrue();
            assertThat(h.method()).isEqualTo("POST");
            assertThat(h.contentType()).startsWith("application/x-www-form-urlencoded");
        });
        assertThat(status.stream().map(h -> stable(h.params())).toList()).containsExactly(
                callback(sid, "initiated", 0, MASKED, agent), callback(sid, "ringing", 1, MASKED, agent),
                callback(sid, "in-progress", 2, MASKED, agent), withDuration(callback(sid, "completed", 3, MASKED, agent)));
        Map<String, String> completed = status.get(3).params();
        assertThat(Long.parseLong(completed.get("CallDuration"))).isBetween(4L, 7L);
        assertThat(ZonedDateTime.parse(completed.get("Timestamp"), Switchboard.RFC_1123)).isNotNull();

        FakeApp.Hook voice = app.hooks("connect-1").get(0);
        assertThat(voice.signatureValid()).isTrue();
        assertThat(voice.params()).isEqualTo(voiceParams(sid, "in-progress", "outbound-api", MASKED, agent));

        eventually().until(() -> app.hooks("child-status-1").size() == 4);
        List<FakeApp.Hook> child = app.hooks("child-status-1");
        String childSid = child.get(0).params().get("CallSid");
        assertThat(child.stream().map(h -> h.params().get("CallStatus")).toList())
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(stable(child.get(1).params())).isEqualTo(childCallback(childSid, sid, "ringing", 1, customer));
        assertThat(Long.parseLong(child.get(3).params().get("CallDuration"))).isBetween(2L, 4L);

        FakeApp.Hook action = app.hooks("dial-action-1").get(0);
        assertThat(action.signatureValid()).isTrue();
        Map<String, String> expectedAction = new HashMap<>(voice.params());
        expectedAction.putAll(Map.of("DialCallStatus", "completed", "DialCallSid", childSid));
        assertThat(stable(action.params())).isEqualTo(expectedAction);
        assertThat(Long.parseLong(action.params().get("DialCallDuration"))).isBetween(2L, 4L);

        JsonNode seenByCustomer = control.phone(customer).get("calls").get(0);
        assertThat(seenByCustomer.get("callSid").asString()).isEqualTo(childSid);
        assertThat(seenByCustomer.get("direction").asString()).isEqualTo("incoming");
        assertThat(seenByCustomer.get("callerId").asString()).isEqualTo(MASKED);
        assertThat(seenByCustomer.get("status").asString()).isEqualTo("completed");
        assertThat(control.phone(agent).get("calls").get(0).get("callerId").asString()).isEqualTo(MASKED);
        assertThat(control.call(childSid).get("parentCallSid").asString()).isEqualTo(sid);
    }

    private static Map<String, String> withDuration(Map<String, String> params) {
        var copy = new HashMap<>(params);
        copy.put("Duration", "1");
        return copy;
    }

    private static Map<String, String> childCallback(String sid, String parent, String status, int seq, String to) {
        var expected = new HashMap<>(callback(sid, status, seq, MASKED, to));
        expected.put("Direction", "outbound-dial");
        expected.put("ParentCallSid", parent);
        return expected;
    }

    @Test
    void busyPhoneEndsTheCallAsBusyWithoutFetchingTheAnswerUrl() {
        control.put("/emulator/phones/+919800000013", "{\"answer\":\"busy\"}");
        String sid = create("+919800000013", "never-busy", "status-busy", 20).getSid();

        eventually().until(() -> app.hooks("status-busy").size() == 2);
        assertThat(app.hooks("status-busy").stream().map(h -> stable(h.params())).toList()).containsExactly(
                callback(sid, "initiated", 0, MASKED, "+919800000013"),
                callback(sid, "busy", 1, MASKED, "+919800000013"));
        assertThat(app.hooks("never-busy")).isEmpty();
        Call fetched = Call.fetcher(sid).fetch(sdk);
        assertThat(fetched.getStatus()).isEqualTo(Call.Status.BUSY);
        assertThat(fetched.getDuration()).isNull();
    }

    @Test
    void unansweredCallRingsThenEndsAsNoAnswerAfterTheTimeout() {
        String phone = "+919800000014";
        control.put("/emulator/phones/" + phone, "{\"answer\":\"manual\"}");
        String sid = create(phone, "never-no-answer", "status-no-answer", 10).getSid();

        eventually().until(() -> "ringing".equals(control.phone(phone).get("state").asString()));
        JsonNode current = control.phone(phone).get("current");
        assertThat(current.get("callSid").asString()).isEqualTo(sid);
        assertThat(current.get("callerId").asString()).isEqualTo(MASKED);

        eventually().until(() -> app.hooks("status-no-answer").size() == 3);
        assertThat(stable(app.hooks("status-no-answer").get(2).params()))
                .isEqualTo(callback(sid, "no-answer", 2, MASKED, phone));
        assertThat(control.phone(phone).get("state").asString()).isEqualTo("idle");
        assertThat(control.phone(phone).get("calls").get(0).get("status").asString()).isEqualTo("no-answer");
    }

    @Test
    void secondCallToAPhoneInACallIsBusy() {
        String phone = "+919800000015";
        control.put("/emulator/phones/" + phone, "{\"answer\":\"manual\"}");
        String first = create(phone, "noop", "status-first", 60).getSid();
        eventually().until(() -> "ringing".equals(control.phone(phone).get("state").asString()));

        String second = create(phone, "noop", "status-second", 60).getSid();

        eventually().until(() -> app.hooks("status-second").size() == 2);
        assertThat(app.hooks("status-second").get(1).params().get("CallStatus")).isEqualTo("busy");
        assertThat(control.phone(phone).get("current").get("callSid").asString()).isEqualTo(first);
        assertThat(control.post("/emulator/phones/" + phone + "/reject", null).status()).isEqualTo(200);
        assertThat(Call.fetcher(first).fetch(sdk).getStatus()).isEqualTo(Call.Status.BUSY);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void modifyCallWithStatusCompletedHangsUpALiveCall() {
        String phone = "+919800000016";
        control.put("/emulator/phones/" + phone, "{\"answer\":\"auto\",\"answerAfterSeconds\":0}");
        app.answer("hold", "<Response><Say>Please hold</Say><Pause length=\"600\"/></Response>");
        String sid = create(phone, "hold", "status-modify", 20).getSid();
        eventually().until(() -> app.hooks("hold").size() == 1);

        Call ended = Call.updater(sid).setStatus(Call.UpdateStatus.COMPLETED).update(sdk);

        assertThat(ended.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(ended.getDuration()).isNotNull();
        eventually().until(() -> app.hooks("status-modify").size() == 4);
        assertThat(app.hooks("status-modify").get(3).params()).containsEntry("CallStatus", "completed")
                .containsKey("CallDuration");
        assertThat(control.phone(phone).get("calls").get(0).get("heard").get(0).asString()).isEqualTo("Please hold");
    }

    @Test
    void inlineTwimlRunsAndTimeLimitEndsTheCall() {
        String phone = "+919800000017";
        control.put("/emulator/phones/" + phone, "{\"answer\":\"auto\",\"answerAfterSeconds\":0}");
        String sid = Call.creator(new PhoneNumber(phone), new PhoneNumber(MASKED),
                        new Twiml("<Response><Say>Your rider is here</Say><Pause length=\"600\"/></Response>"))
                .setTimeLimit(4).create(sdk).getSid();

        eventually().until(() -> "completed".equals(control.call(sid).get("status").asString()));
        JsonNode call = control.call(sid);
        assertThat(call.get("heard").get(0).asString()).isEqualTo("Your rider is here");
        assertThat(call.get("durationSeconds").asLong()).isBetween(3L, 5L);
        assertThat(control.get("/emulator/calls?limit=1").json().get(0).get("sid").asString()).isEqualTo(sid);
    }

    @Test
    void manyCallsRunAtOnce() {
        app.answer("short", "<Response><Say>Hi</Say><Pause length=\"10\"/></Response>");
        List<String> phones = IntStream.range(0, 20).mapToObj(i -> "+9198000001" + (10 + i)).toList();
        phones.forEach(p -> control.put("/emulator/phones/" + p, "{\"answer\":\"auto\",\"answerAfterSeconds\":0}"));

        List<String> sids = phones.stream().map(p -> create(p, "short", "status-many", 20).getSid()).toList();

        eventually().until(() -> sids.stream().allMatch(s -> "completed".equals(control.call(s).get("status").asString())));
        assertThat(phones).allSatisfy(p -> assertThat(control.phone(p).get("calls").get(0).get("heard").get(0).asString())
                .isEqualTo("Hi"));
        assertThat(app.hooks("status-many").stream().filter(h -> sids.contains(h.params().get("CallSid")))).hasSize(80);
    }
}
