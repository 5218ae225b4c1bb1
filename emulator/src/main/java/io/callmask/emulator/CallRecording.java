package io.callmask.emulator;

import java.time.Instant;

/**
 * A recording the emulated account keeps, made by a recorded {@code <Dial>}: its sid ({@code RE} + 32 hex), the
 * parent call it belongs to, when it started, how long it lasted (emulated seconds) and on how many channels.
 * {@code status} is {@code completed}, or {@code absent} for a bridge too short to record.
 */
record CallRecording(String sid, String accountSid, String callSid, Instant startTime, long durationSeconds,
                     int channels, String status, Instant createdAt) {

    static final String SOURCE = "DialVerb";

    String uri() {
        return "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + sid;
    }
}
