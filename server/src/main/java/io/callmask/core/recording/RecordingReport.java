package io.callmask.core.recording;

/**
 * A carrier's recording status callback, in plain values: the carrier adapter parses and checks
 * its own parameters into this.
 *
 * @param parentCallSid the carrier's id of the call that was recorded (the caller's leg)
 * @param mediaUrl where the carrier serves the audio; null when it has none
 * @param durationSeconds null when not yet known
 * @param channels 1 or 2 (each party on its own channel); null when not said
 */
public record RecordingReport(String carrier, String parentCallSid, String recordingSid, RecordingStatus status,
        String mediaUrl, Integer durationSeconds, Integer channels) {}
