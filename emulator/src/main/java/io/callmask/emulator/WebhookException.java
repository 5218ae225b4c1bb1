package io.callmask.emulator;

/** A webhook that failed as Twilio counts failures, with the Twilio error code to record. */
class WebhookException extends Exception {

    final int code;

    WebhookException(int code, String message) {
        super(message);
        this.code = code;
    }
}
