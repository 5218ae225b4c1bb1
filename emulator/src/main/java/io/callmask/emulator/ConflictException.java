package io.callmask.emulator;

/** A phone action that does not fit the phone's state (answer with nothing ringing); a 409 problem. */
class ConflictException extends RuntimeException {
    ConflictException(String message) {
        super(message);
    }
}
