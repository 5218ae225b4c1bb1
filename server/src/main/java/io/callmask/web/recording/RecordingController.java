package io.callmask.web.recording;

import io.callmask.core.recording.Recording;
import io.callmask.core.recording.RecordingService;
import io.callmask.core.recording.RecordingStatus;
import io.callmask.core.recording.Recordings;
import io.callmask.carrier.RecordingMedia;
import io.callmask.core.Caller;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Recordings over the API: metadata for platform and operator keys, audio for operators only.
 * Nobody is shown the carrier's own media URL: it could be read around the audit log.
 */
@RestController
class RecordingController {

    private final RecordingService recordings;

    RecordingController(RecordingService recordings) {
        this.recordings = recordings;
    }

    /**
     * {@code mediaUrl} (operators only) is callmask's audited audio endpoint, not the carrier's URL.
     * {@code purged}: the carrier's copy was deleted under the retention policy; the metadata stays.
     */
    record RecordingView(String id, String callId, String status, Integer durationSeconds, Integer channels,
            Instant createdAt, boolean purged, Instant purgedAt, String mediaUrl) {
        static RecordingView of(Recording r, Caller caller) {
            boolean audio = caller.isOperator() && !r.purged() && r.status() == RecordingStatus.COMPLETED;
            return new RecordingView(r.id(), r.callId(), r.status().wire(), r.durationSeconds(), r.channels(),
                    r.createdAt(), r.purged(), r.purgedAt(), audio ? "/v1/recordings/" + r.id() + "/media" : null);
        }
    }

    @GetMapping("/v1/calls/{callId}/recordings")
    List<RecordingView> forCall(@PathVariable String callId, Caller caller) {
        if (!caller.isTrusted()) {
            throw new Problem(403, "forbidden", "Forbidden", "Recordings are listed for platform and operator keys only.");
        }
        return recordings.forCall(callId).stream().map(r -> RecordingView.of(r, caller)).toList();
    }

    // Declared so that an audio Accept header is negotiated here, not refused as "not JSON".
    @GetMapping(path = "/v1/recordings/{id}/media", produces = {"audio/wav", "audio/x-wav", "audio/mpeg"})
    ResponseEntity<StreamingResponseBody> media(@PathVariable String id, Caller caller, HttpServletRequest request) {
        RecordingMedia media = recordings.media(id, caller, request.getRemoteAddr());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(audioType(media.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".wav\"");
        if (media.length() >= 0) {
            ok.contentLength(media.length());
        }
        return ok.body(out -> {
            try (media) {
                media.content().transferTo(out);
            }
        });
    }

    /** The carrier's audio type when it names one; WAV otherwise (what callmask asks for). */
    private static MediaType audioType(String carrierType) {
        try {
            MediaType type = MediaType.parseMediaType(carrierType);
            return type.getType().equals("audio") ? type : MediaType.parseMediaType("audio/wav");
        } catch (RuntimeException e) {
            return MediaType.parseMediaType("audio/wav");
        }
    }
}
