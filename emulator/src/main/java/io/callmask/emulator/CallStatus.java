package io.callmask.emulator;

/** Twilio's call statuses in the order a leg moves through them; the last five are terminal. */
enum CallStatus {
    QUEUED("queued"), INITIATED("initiated"), RINGING("ringing"), IN_PROGRESS("in-progress"),
    COMPLETED("completed"), BUSY("busy"), NO_ANSWER("no-answer"), FAILED("failed"), CANCELED("canceled");

    final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    boolean terminal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    boolean beforeAnswer() {
        return ordinal() < IN_PROGRESS.ordinal();
    }
}
