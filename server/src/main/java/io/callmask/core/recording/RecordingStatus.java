package io.callmask.core.recording;

import java.util.Arrays;
import java.util.Optional;

/**
 * A carrier recording's state. Callbacks may repeat and arrive out of order, so a recording only
 * moves up the rank: in progress, then one final state (the first final state reported stands).
 */
public enum RecordingStatus {
    IN_PROGRESS(1), COMPLETED(2), ABSENT(2), FAILED(2);

    private final int rank;

    RecordingStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<RecordingStatus> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }
}
