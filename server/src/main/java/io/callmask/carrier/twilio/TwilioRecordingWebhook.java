package io.callmask.carrier.twilio;

import io.callmask.carrier.voice.WebhookInput;
import io.callmask.core.recording.RecordingReport;
import io.callmask.core.recording.RecordingService;
import io.callmask.core.recording.RecordingStatus;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's recording status callback ({@code recordingStatusCallback} on a recorded {@code <Dial>}).
 * Signed like every webhook under {@link TwilioWebhooks#BASE}. A well-formed callback always gets
 * 200, even for a call we do not know (Twilio would only retry); a malformed one gets 400.
 */
@RestController
@TwilioEnabled
@RequestMapping(TwilioWebhooks.BASE)
class TwilioRecordingWebhook {

    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

    private final RecordingService recordings;
    private final TwilioCarrier carrier;

    TwilioRecordingWebhook(RecordingService recordings, TwilioCarrier carrier) {
        this.recordings = recordings;
        this.carrier = carrier;
    }

    @PostMapping(path = "/recording", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> recording(HttpServletRequest request) {
        String callSid = WebhookInput.single(request, "CallSid", true);
        String recordingSid = WebhookInput.single(request, "RecordingSid", true);
        String recordingStatus = WebhookInput.single(request, "RecordingStatus", true);
        String recordingUrl = WebhookInput.single(request, "RecordingUrl", false);
        String recordingDuration = WebhookInput.single(request, "RecordingDuration", false);
        String recordingChannels = WebhookInput.single(request, "RecordingChannels", false);
        if (!CALL_SID.matcher(callSid).matches()) {
            throw Problem.badRequest("invalid-call-sid", "'CallSid' is not a Twilio call sid.");
        }
        if (!TwilioCarrier.RECORDING_SID.matcher(recordingSid).matches()) {
            throw Problem.badRequest("invalid-recording-sid", "'RecordingSid' is not a Twilio recording sid.");
        }
        RecordingStatus status = RecordingStatus.fromWire(recordingStatus).orElseThrow(() -> Problem.badRequest(
                "invalid-recording-status", "'RecordingStatus' must be in-progress, completed, absent or failed."));
        Integer channels = count("RecordingChannels", recordingChannels);
        if (channels != null && channels != 1 && channels != 2) {
            throw Problem.badRequest("invalid-recording-channels", "'RecordingChannels' must be 1 or 2.");
        }
        Integer duration = count("RecordingDuration", recordingDuration);
        if (duration != null && duration < 0 && status != RecordingStatus.IN_PROGRESS) {
            throw Problem.badRequest("invalid-recordingduration", "'RecordingDuration' must not be negative.");
        }
        recordings.report(new RecordingReport(carrier.name(), callSid, recordingSid, status,
                WebhookInput.mediaUrl("RecordingUrl", recordingUrl),
                duration(duration), channels));
        return ResponseEntity.ok().build();
    }

    /** A negative duration (Twilio's -1 while a recording is in progress) means: not known yet. */
    private static Integer duration(Integer seconds) {
        return seconds == null || seconds < 0 ? null : seconds;
    }

    private static Integer count(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-" + name.toLowerCase(), "'" + name + "' must be a whole number.");
        }
    }
}
