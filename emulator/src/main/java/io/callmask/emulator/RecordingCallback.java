package io.callmask.emulator;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The recording status callback Twilio sends for a recorded {@code <Dial>} ({@code recordingStatusCallback}). */
final class RecordingCallback {

    /** The events {@code <Dial recordingStatusCallbackEvent>} accepts. */
    static final Set<String> KNOWN_EVENTS = Set.of("in-progress", "completed", "absent");

    /** Twilio's error for a recording too short to keep. */
    static final String TOO_SHORT = "16101";

    private RecordingCallback() {
    }

    /** The parameters for {@code recording} in {@code status}; the media URL only once there is media. */
    static Map<String, String> params(CallRecording recording, String status, String restBase) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", recording.accountSid());
        p.put("CallSid", recording.callSid());
        p.put("RecordingSid", recording.sid());
        if ("completed".equals(status)) {
            p.put("RecordingUrl", restBase + recording.uri());
        }
        p.put("RecordingStatus", status);
        p.put("RecordingDuration", "in-progress".equals(status) ? "-1" : Long.toString(recording.durationSeconds()));
        p.put("RecordingChannels", Integer.toString(recording.channels()));
        p.put("RecordingStartTime", Switchboard.RFC_1123.format(recording.startTime().atZone(ZoneOffset.UTC)));
        p.put("RecordingSource", CallRecording.SOURCE);
        p.put("ErrorCode", "absent".equals(status) ? TOO_SHORT : "0");
        return p;
    }

    static URI url(Verb.DialRecording recording, URI base) {
        return TwimlRunner.resolve(base, recording.statusCallback());
    }
}
