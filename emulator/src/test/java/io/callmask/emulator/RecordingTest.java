package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A recorded {@code <Dial>}: the signed recording callback, the recording resource, its media, and delete. */
class RecordingTest extends EmulatorHttpTestBase {

    private static final String MASKED = "+918000000020";
    private final HttpClient http = HttpClient.newHttpClient();

    private String call(String agent, String customer, String voice, String dialAttributes) {
        control.put("/emulator/phones/" + agent, "{\"answer\":\"auto\",\"answerAfterSeconds\":1}");
        app.answer(voice, "<Response><Dial callerId=\"" + MASKED + "\" " + dialAttributes + "><Number>" + customer
                + "</Number></Dial></Response>");
        return Call.creator(new PhoneNumber(agent), new PhoneNumber(MASKED), URI.create(url(voice)))
                .create(sdk).getSid();
    }

    @Test
    void aRecordedBridgeIsReportedSignedAndServedAsSilenceOfItsLength() throws Exception {
        String customer = "+919800000032";
        control.put("/emulator/phones/" + customer, "{\"answer\":\"auto\",\"answerAfterSeconds\":1,\"hangupAfterSeconds\":4}");
        String parent = call("+919800000031", customer, "rec-connect", "record=\"record-from-answer-dual\" "
                + "recordingStatusCallback=\"" + url("rec-status") + "\" recordingStatusCallbackEvent=\"completed absent\"");

        eventually().until(() -> app.hooks("rec-status").size() == 1);
        FakeApp.Hook hook = app.hooks("rec-status").get(0);
        String sid = hook.params().get("RecordingSid");
        String childSid = control.phone(customer).get("calls").get(0).get("callSid").asString();
        long bridged = control.call(childSid).get("durationSeconds").asLong();
        String resource = "http://localhost:" + port + "/emulator/twilio/2010-04-01/Accounts/" + ACCOUNT
                + "/Recordings/" + sid;
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("AccountSid", ACCOUNT);
        expected.put("CallSid", parent);
        expected.put("RecordingSid", sid);
        expected.put("RecordingUrl", resource);
        expected.put("RecordingStatus", "completed");
        expected.put("RecordingDuration", Long.toString(bridged));
        expected.put("RecordingChannels", "2");
        expected.put("RecordingStartTime", hook.params().get("RecordingStartTime"));
        expected.put("RecordingSource", "DialVerb");
        expected.put("ErrorCode", "0");
        assertThat(hook.signatureValid()).isTrue();
        assertThat(sid).matches("RE[0-9a-f]{32}");
        assertThat(hook.params()).isEqualTo(expected);
        assertThat(bridged).isBetween(3L, 5L);

        Recording recording = Recording.fetcher(sid).fetch(sdk);
        assertThat(recording.getCallSid()).isEqualTo(parent);
        assertThat(recording.getDuration()).isEqualTo(Long.toString(bridged));
        assertThat(recording.getChannels()).isEqualTo(2);
        assertThat(recording.getStatus()).isEqualTo(Recording.Status.COMPLETED);
        assertThat(recording.getSource()).isEqualTo(Recording.Source.DIAL_VERB);

        HttpResponse<byte[]> wav = get(resource + ".wav", true);
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
        ByteBuffer header = ByteBuffer.wrap(wav.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav.body(), 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getInt(40)).as("data bytes").isEqualTo((int) bridged * 8000 * 2 * 2);
        assertThat(wav.body()).hasSize(44 + (int) bridged * 8000 * 2 * 2);
        assertThat(get(resource, true).body()).isEqualTo(wav.body());
        HttpResponse<byte[]> mp3 = get(resource + ".mp3", true);
        assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(mp3.body()[0]).isEqualTo((byte) 0xFF);
        assertThat(mp3.body()[1]).isEqualTo((byte) 0xFB);
        assertThat(get(resource + ".wav", false).statusCode()).as("media needs the account's credentials").isEqualTo(401);

        assertThat(Recording.deleter(sid).delete(sdk)).isTrue();
        assertThatThrownBy(() -> Recording.fetcher(sid).fetch(sdk))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThat(get(resource + ".wav", true).statusCode()).isEqualTo(404);
        assertThat(control.get("/emulator/recordings").body()).doesNotContain(sid);
    }

    @Test
    void aBridgeTooShortToRecordIsReportedAbsentWithoutMedia() {
        String customer = "+919800000034";
        control.put("/emulator/phones/" + customer, "{\"answer\":\"auto\",\"answerAfterSeconds\":1,\"hangupAfterSeconds\":0}");
        String parent = call("+919800000033", customer, "rec-short", "record=\"record-from-answer\" "
                + "recordingStatusCallback=\"" + url("rec-short-status") + "\" recordingStatusCallbackEvent=\"absent\"");

        eventually().until(() -> app.hooks("rec-short-status").size() == 1);
        Map<String, String> params = app.hooks("rec-short-status").get(0).params();
        assertThat(params).containsEntry("CallSid", parent).containsEntry("RecordingStatus", "absent")
                .containsEntry("RecordingDuration", "0").containsEntry("RecordingChannels", "1")
                .containsEntry("ErrorCode", "16101").doesNotContainKey("RecordingUrl");
        assertThat(control.get("/emulator/recordings").body()).doesNotContain(params.get("RecordingSid"));
    }

    @Test
    void anUnrecordedDialLeavesNoRecording() {
        String customer = "+919800000036";
        control.put("/emulator/phones/" + customer, "{\"answer\":\"auto\",\"answerAfterSeconds\":1,\"hangupAfterSeconds\":2}");
        String parent = call("+919800000035", customer, "rec-none", "action=\"" + url("rec-none-action") + "\"");

        eventually().until(() -> app.hooks("rec-none-action").size() == 1);
        JsonNode recordings = control.get("/emulator/recordings").json();
        recordings.forEach(r -> assertThat(r.get("callSid").asString()).isNotEqualTo(parent));
        assertThat(app.hooks("rec-none-action").get(0).params()).containsEntry("DialCallStatus", "completed");
    }

    private HttpResponse<byte[]> get(String url, boolean authenticated) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (ACCOUNT + ":test-token").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
