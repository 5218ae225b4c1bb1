package io.callmask.core.call;

import java.time.Instant;

/** One carrier call inside a call: the caller's leg or the callee's. */
public record Leg(String carrierSid, Role role, LegStatus status, Instant answeredAt, Instant endedAt,
        Integer durationSeconds) {

    public enum Role {
        CALLER, CALLEE;

        public String wire() {
            return name().toLowerCase();
        }
    }
}
