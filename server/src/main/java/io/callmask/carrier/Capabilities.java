package io.callmask.carrier;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a carrier can do, asked in one place: the start-up check ({@code CarrierCheck}), the API (a click-to-call
 * or a recorded session on a carrier that cannot) and the voice flow (a hub's menu, a whisper) all ask these
 * questions, never the raw {@link CarrierFeature} set, so one answer holds everywhere.
 */
public final class Capabilities {

    private final Set<CarrierFeature> features;

    public Capabilities(Set<CarrierFeature> features) {
        this.features = features.isEmpty() ? EnumSet.noneOf(CarrierFeature.class) : EnumSet.copyOf(features);
    }

    /** Places a call callmask asks for (the button's click-to-call). */
    public boolean clickToCall() {
        return features.contains(CarrierFeature.CLICK_TO_CALL);
    }

    /** Asks callmask where an incoming call to a pool number goes. */
    public boolean dialIn() {
        return features.contains(CarrierFeature.DIAL_IN);
    }

    /** Records a bridged call with the notice to both parties that a recorded session promises. */
    public boolean recording() {
        return features.contains(CarrierFeature.RECORDING) && features.contains(CarrierFeature.WHISPER);
    }

    /** Plays the callee a message (the order, the recording notice) before the bridge. */
    public boolean whisper() {
        return features.contains(CarrierFeature.WHISPER);
    }

    /** Answers a hub number: takes a dial-in and plays the order-code menu. */
    public boolean hubMenu() {
        return dialIn() && features.contains(CarrierFeature.HUB_MENU);
    }

    /** Shows as caller ID a number it does not own (another carrier's pool number). */
    public boolean foreignCallerId() {
        return features.contains(CarrierFeature.FOREIGN_CALLER_ID);
    }

    @Override
    public String toString() {
        return "Capabilities" + features;
    }
}
