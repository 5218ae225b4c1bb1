package io.callmask.core.recording;

import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierRequests;
import io.callmask.carrier.Carriers;
import io.callmask.carrier.CarrierException;
import io.callmask.core.retention.RetentionStep;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code recordings} retention step: for sessions that ended before the cut-off, deletes each
 * recording at the carrier and marks it purged (metadata kept, media URL cleared). A recording the
 * carrier fails to delete stays unpurged and is tried again on the next run.
 */
@Component
class RecordingRetention implements RetentionStep {

    private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);
    private static final int BATCH = 200;

    private final Recordings recordings;
    private final Carriers carriers;
    private final Clock clock;
    private final CarrierRequests carrierRequests;

    RecordingRetention(Recordings recordings, Carriers carriers, Clock clock, CarrierRequests carrierRequests) {
        this.carrierRequests = carrierRequests;
        this.recordings = recordings;
        this.carriers = carriers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "recordings";
    }

    @Override
    public int purge(Instant endedBefore) {
        int purged = 0;
        int failed = 0;
        String after = "";
        List<Recording> batch;
        do {
            batch = recordings.unpurgedEndedBefore(endedBefore, after, BATCH);
            for (Recording recording : batch) {
                after = recording.id();
                Carrier carrier = carriers.named(recording.carrier()).orElse(null);
                if (carrier == null) {
                    failed++; // kept by a carrier this instance does not use; another instance may
                    continue;
                }
                try {
                    carrierRequests.timed(carrier, "delete-recording", () -> carrier.deleteRecording(recording.carrierRecordingSid()));
                } catch (CarrierException | IllegalArgumentException e) {
                    failed++;
                    continue;
                }
                purged += recordings.markPurged(recording.id(), clock.instant()) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        if (failed > 0) {
            log.warn("Retention: {} recording(s) could not be deleted at the carrier; they are tried again next run",
                    failed);
        }
        return purged;
    }
}
