package io.callmask.carrier;

/**
 * What an adapter declares it can do ({@link Carrier#features()}). Everyone else asks
 * {@link Capabilities}, which answers the questions (can it record a session, play a hub's menu) from these in
 * one place; a call that needs what its carrier lacks is refused clearly, never done otherwise quietly.
 */
public enum CarrierFeature {
    /** Places a call callmask asks for: the first leg (or, for a bridging carrier, both). */
    CLICK_TO_CALL,
    /** Sends callmask an incoming call to a pool number and carries out the answer. */
    DIAL_IN,
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
