package io.callmask.core.recording;

import io.callmask.core.audit.AuditLog;
import io.callmask.core.call.Call;
import io.callmask.core.call.Calls;
import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierRequests;
import io.callmask.carrier.Carriers;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.RecordingMedia;
import io.callmask.core.Caller;
import io.callmask.core.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records what the carrier reports about recordings, lists them, and hands their audio to
 * operators, writing the audit entry first. The audio itself never leaves the carrier except
 * through {@link #media}.
 */
@Service
public class RecordingService {

    static final String READ_ACTION = "recording.read";

    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);

    private final Recordings recordings;
    private final Calls calls;
    private final Carriers carriers;
    private final AuditLog audit;
    private final Clock clock;
    private final CarrierRequests carrierRequests;

    RecordingService(Recordings recordings, Calls calls, Carriers carriers, AuditLog audit, Clock clock,
            CarrierRequests carrierRequests) {
        this.carrierRequests = carrierRequests;
        this.recordings = recordings;
        this.calls = calls;
        this.carriers = carriers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies a carrier's recording callback. A recording of a call we do not know is not stored
     * (and the carrier is not asked to retry); the answer says whether it was stored.
     */
    public boolean report(RecordingReport report) {
        Optional<Call> call = calls.findByLegSid(report.parentCallSid());
        if (call.isEmpty()) {
            log.warn("Recording callback {} for an unknown call {}: nothing stored", shortSid(report.recordingSid()),
                    shortSid(report.parentCallSid()));
            return false;
        }
        recordings.apply(newId(), call.get().id(), report, clock.instant());
        return true;
    }

    /** The recordings of a call, oldest first; the call must exist. */
    public List<Recording> forCall(String callId) {
        if (calls.find(callId).isEmpty()) {
            throw Refusal.notFound("call", callId);
        }
        return recordings.forCall(callId);
    }

    /**
     * A recording's audio for an operator. The read is audited before the carrier is asked, so an
     * attempt shows in the audit log whatever happens next.
     */
    public RecordingMedia media(String recordingId, Caller caller, String remoteAddress) {
        if (!caller.isOperator()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "operator-only", "Operators only",
                    "Only an operator key may read a recording's audio.");
        }
        Recording recording = recordings.find(recordingId).orElseThrow(() -> Refusal.notFound("recording", recordingId));
        if (recording.purged()) {
            throw new Refusal(Refusal.Kind.GONE, "recording-purged", "Recording purged",
                    "The recording '" + recordingId + "' was deleted under the retention policy.");
        }
        if (recording.status() != RecordingStatus.COMPLETED) {
            throw Refusal.conflict("recording-not-available", "Recording not available",
                    "The recording '" + recordingId + "' is " + recording.status().wire() + "; it has no audio.");
        }
        // The carrier that made the recording keeps it, whichever carrier its number has now.
        Carrier carrier = carriers.named(recording.carrier()).orElseThrow(() -> Refusal.conflict(
                "recording-not-available", "Recording not available",
                "The recording '" + recordingId + "' is kept by a carrier this instance does not use."));
        audit.record(caller.label(), READ_ACTION, recordingId, remoteAddress);
        try {
            return carrierRequests.timed(carrier, "fetch-recording", () -> carrier.fetchRecording(recording.carrierRecordingSid())).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                    "recording-media-missing", "Recording audio missing",
                    "The carrier no longer has the audio of the recording '" + recordingId + "'."));
        } catch (CarrierException e) {
            throw new Refusal(Refusal.Kind.CARRIER_FAILED, "carrier-error", "Carrier error",
                    "The carrier did not serve the recording: " + e.getMessage());
        }
    }

    /** Enough of a carrier id to find it in the carrier's console, not to replay it. */
    static String shortSid(String sid) {
        return sid == null ? "(none)" : sid.length() <= 10 ? sid : sid.substring(0, 10) + "…";
    }

    private static String newId() {
        return "rec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
