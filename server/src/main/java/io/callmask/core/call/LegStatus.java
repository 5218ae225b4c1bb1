package io.callmask.core.call;

import java.util.Arrays;
import java.util.Optional;

/**
 * A leg's status with its rank. Carriers repeat status reports and deliver them out of order;
 * a leg only ever moves to a higher rank, and the first terminal status wins.
 */
public enum LegStatus {
    QUEUED(0), INITIATED(1), RINGING(2), IN_PROGRESS(3),
    COMPLETED(4), BUSY(4), NO_ANSWER(4), FAILED(4), CANCELED(4);

    private final int rank;

    LegStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean terminal() {
        return rank == 4;
    }

    /** The carrier-neutral spelling used in the API: {@code in-progress}, {@code no-answer}. */
    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Reads the wire spelling; {@code answered} (a Dial's outcome) counts as in-progress. */
    public static Optional<LegStatus> fromWire(String text) {
        if ("answered".equals(text)) {
            return Optional.of(IN_PROGRESS);
        }
        if ("cancelled".equals(text)) {
            return Optional.of(CANCELED);
        }
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }
}
