package io.callmask.carrier;

/**
 * A carrier whose click-to-call API rings both parties itself from one REST request (MSG91's
 * {@code call/ctc}, Knowlarity's {@code makecall}): it never asks callmask what to dial, so it has no
 * markup, no dial-in routing, no order-code menu and no whisper. Such a carrier may own pool numbers
 * (click-to-call only) but never a hub number, which exists only to be dialled into; {@link CarrierCheck}
 * refuses that at start-up.
 */
public interface BridgingCarrier extends Carrier {

    /**
     * Asks the carrier to ring {@code call.caller()}, then {@code call.callee()}, and bridge them,
     * showing {@code call.callerId()}.
     *
     * @return the carrier's id of the call, or null when its answer names none (the id then comes
     *     with its first report)
     * @throws CarrierException when the carrier refuses or cannot be reached
     */
    String placeBridge(BridgedCall call);

    /** A bridging carrier is never asked for a single leg: {@link #placeBridge} is its only way to call. */
    @Override
    default String placeCall(OutboundCall call) {
        throw new CarrierException("carrier " + name() + " places only bridged click-to-calls", null);
    }

    /** It records nothing callmask could fetch (no {@link CarrierFeature#RECORDING}). */
    @Override
    default java.util.Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        return java.util.Optional.empty();
    }

    /** Nothing was recorded, so nothing is left to delete. */
    @Override
    default void deleteRecording(String carrierRecordingSid) {
        // idempotent by definition: there is no recording at this carrier
    }
}
