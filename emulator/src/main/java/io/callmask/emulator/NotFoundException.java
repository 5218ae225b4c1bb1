package io.callmask.emulator;

/** Unknown call sid; answered with a 404 problem. */
class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
        super(message);
    }
}
