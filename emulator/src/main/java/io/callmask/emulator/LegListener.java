package io.callmask.emulator;

/** Told when a leg is answered or ends; used by {@code <Dial>} to bridge and unbridge the two legs. */
interface LegListener {
    default void answered(Leg leg) {
    }

    default void ended(Leg leg) {
    }
}
