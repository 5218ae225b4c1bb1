package io.callmask.emulator;

/** Input the emulator refuses; the control API answers it with a 400 problem. */
class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
