package io.callmask.console;

import java.time.Instant;

/**
 * One call as the console shows it. The parties are in their masked forms only: a real number is
 * redacted ({@code +91 98•••••210}); the masked numbers are the platform's own and shown in full.
 *
 * @param durationSeconds how long the parties talked, null until known
 * @param cost formatted with its currency, empty when the carrier has no price table
 */
record CallRow(String id, Instant createdAt, String direction, String status, String retailerId, String reference,
        PartyView caller, PartyView callee, Integer durationSeconds, String cost, String failureReason) {

    public String created() {
        return Display.time(createdAt);
    }

    public String duration() {
        return Display.duration(durationSeconds);
    }
}
