package io.callmask.emulator;

/** A TwiML document Twilio would refuse (error 12100, document parse failure). */
class TwimlException extends Exception {

    static final int DOCUMENT_PARSE_FAILURE = 12100;

    TwimlException(String message) {
        super(message);
    }
}
