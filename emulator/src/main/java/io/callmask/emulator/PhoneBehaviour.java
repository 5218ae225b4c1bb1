package io.callmask.emulator;

/**
 * What a virtual phone does when called.
 *
 * @param hangupAfterSeconds once connected, hang up after this many emulated seconds; null = stay on the line
 * @param pendingDigits      DTMF typed ahead, consumed by the next {@code <Gather>} on this phone's call
 */
record PhoneBehaviour(AnswerMode answer, double answerAfterSeconds, Double hangupAfterSeconds, String pendingDigits) {

    static final PhoneBehaviour DEFAULT = new PhoneBehaviour(AnswerMode.MANUAL, 1, null, null);

    PhoneBehaviour {
        if (answerAfterSeconds < 0 || (hangupAfterSeconds != null && hangupAfterSeconds < 0)) {
            throw new BadRequestException("answerAfterSeconds and hangupAfterSeconds must not be negative");
        }
        if (pendingDigits != null && !pendingDigits.matches("[0-9*#]*")) {
            throw new BadRequestException("pendingDigits may hold only 0-9, * and #, was '" + pendingDigits + "'");
        }
    }

    PhoneBehaviour withoutPendingDigits() {
        return new PhoneBehaviour(answer, answerAfterSeconds, hangupAfterSeconds, null);
    }
}
