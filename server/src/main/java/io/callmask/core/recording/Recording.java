package io.callmask.core.recording;

import java.time.Instant;

/**
 * A recording of one call, kept by the carrier; callmask keeps this metadata and the carrier's
 * reference. Once purged, the carrier's copy is gone and {@code mediaUrl} is null; the rest stays
 * for analytics.
 */
public record Recording(String id, String callId, String carrier, String carrierRecordingSid, String mediaUrl,
        RecordingStatus status, Integer durationSeconds, Integer channels, Instant createdAt, Instant updatedAt,
        Instant purgedAt) {

    public boolean purged() {
        return purgedAt != null;
    }
}
