package io.callmask.carrier;

/**
 * The port to a telephony provider. An adapter places calls and, in its own webhook controller,
 * turns the provider's requests into calls on {@code io.callmask.call} and renders the decisions
 * it gets back in the provider's markup. The domain never sees TwiML or any other markup.
 */
public interface Carrier {

    /** The name stored with calls and pool numbers, e.g. {@code twilio}. */
    String name();

    /** What this adapter declares it can do; ask {@link #capabilities()}, not this set. */
    java.util.Set<CarrierFeature> features();

    /** The one place callers ask what this carrier can do. */
    default Capabilities capabilities() {
        return new Capabilities(features());
    }

    /**
     * Rings {@code call.to()} showing {@code call.callerId()}; when it is answered, the carrier asks
     * callmask what to do next (for click-to-call: dial the other party).
     *
     * @return the carrier's id of the leg it created, or null when the carrier's answer names none
     *     (Telnyx's TeXML API): the leg is then known from its first callback
     * @throws CarrierException when the carrier refuses or cannot be reached
     */
    String placeCall(OutboundCall call);

    /**
     * The audio of a recording the carrier keeps, as the carrier serves it.
     *
     * @return empty when the carrier has no such recording (never made, or deleted)
     * @throws CarrierException when the carrier refuses or cannot be reached
     */
    java.util.Optional<RecordingMedia> fetchRecording(String carrierRecordingSid);

    /**
     * Deletes a recording at the carrier. Idempotent: a recording already gone counts as deleted.
     *
     * @throws CarrierException when the carrier refuses or cannot be reached
     */
    void deleteRecording(String carrierRecordingSid);
}
