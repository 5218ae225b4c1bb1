package io.callmask.carrier;

/**
 * What an adapter can do beyond placing a first leg and answering a dial-in. The shared flow
 * ({@link VoiceFlow}) refuses a call that needs a feature its carrier lacks, clearly and per
 * request, rather than doing something else quietly.
 */
public enum CarrierFeature {
    /** Records a bridged call and reports the recording; callmask can fetch and delete it. */
    RECORDING,
    /** Plays a hub party's order-code menu and reads the digits. */
    HUB_MENU,
    /** Plays the callee a message (order, recording notice) before the bridge. */
    WHISPER,
    /** Shows as caller ID a number the carrier does not own (another carrier's pool number). */
    FOREIGN_CALLER_ID,
    /** Its webhooks carry a signature callmask checks; without it, a secret path or allow-list. */
    SIGNED_WEBHOOKS
}
