package io.callmask.emulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a virtual phone reacts when it rings. */
enum AnswerMode {
    MANUAL("manual"), AUTO("auto"), BUSY("busy"), NO_ANSWER("no-answer"), FAIL("fail");

    final String wire;

    AnswerMode(String wire) {
        this.wire = wire;
    }

    static AnswerMode parse(String text) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(text)).findFirst()
                .orElseThrow(() -> new BadRequestException("answer must be one of "
                        + Arrays.stream(values()).map(m -> m.wire).collect(Collectors.joining(", "))
                        + ", was '" + text + "'"));
    }
}
