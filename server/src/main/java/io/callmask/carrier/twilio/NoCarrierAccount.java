package io.callmask.carrier.twilio;

/** The Twilio adapter is on (the default) and no account is configured: the product refuses to start. */
class NoCarrierAccount extends IllegalStateException {

    NoCarrierAccount(String message) {
        super(message);
    }
}
