package io.callmask.emulator;

/**
 * Faults of the network between the carrier and the app, set through {@code PUT /emulator/network} for fault
 * runs: every status callback sent {@code statusCallbackCopies} times, each copy after its own random delay of up
 * to {@code statusCallbackScatterMs} (real milliseconds), so reports arrive duplicated and out of order, as they
 * can from a carrier under load. The default (one copy, no scatter) delivers a leg's callbacks once, in order.
 */
record NetworkFaults(int statusCallbackCopies, int statusCallbackScatterMs) {

    static final NetworkFaults NONE = new NetworkFaults(1, 0);

    NetworkFaults {
        if (statusCallbackCopies < 1 || statusCallbackCopies > 5) {
            throw new BadRequestException("statusCallbackCopies must be 1 to 5, was " + statusCallbackCopies);
        }
        if (statusCallbackScatterMs < 0 || statusCallbackScatterMs > 10_000) {
            throw new BadRequestException("statusCallbackScatterMs must be 0 to 10000, was " + statusCallbackScatterMs);
        }
    }

    /** Whether callbacks leave the in-order, once-each path. */
    boolean active() {
        return statusCallbackCopies > 1 || statusCallbackScatterMs > 0;
    }
}
