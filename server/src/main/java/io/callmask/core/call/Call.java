package io.callmask.core.call;

import io.callmask.core.cost.LegUse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to connect the two parties of a session: a click-to-call placed through the API,
 * or a dial-in. Its status is derived from its legs, so it can never disagree with them.
 */
public record Call(String id, String sessionId, Direction direction, int callerPosition, String carrier,
        String failureReason, Instant createdAt, List<Leg> legs) {

    public enum Direction {
        CLICK_TO_CALL, DIAL_IN;

        public String wire() {
            return name().toLowerCase().replace('_', '-');
        }

        static Direction fromWire(String text) {
            return valueOf(text.toUpperCase().replace('-', '_'));
        }
    }

    public Optional<Leg> leg(Leg.Role role) {
        return legs.stream().filter(l -> l.role() == role).findFirst();
    }

    /**
     * The callee's leg decides once it exists (that is the conversation); before that, the caller's.
     * A caller who hangs up while the callee still rings leaves the call canceled.
     */
    public LegStatus status() {
        var caller = leg(Leg.Role.CALLER);
        var callee = leg(Leg.Role.CALLEE);
        if (callee.isPresent()) {
            LegStatus status = callee.get().status();
            if (!status.terminal() && caller.isPresent() && caller.get().status().terminal()) {
                return status == LegStatus.IN_PROGRESS ? LegStatus.COMPLETED : LegStatus.CANCELED;
            }
            return status;
        }
        if (caller.isPresent()) {
            return caller.get().status();
        }
        return failureReason == null ? LegStatus.QUEUED : LegStatus.FAILED;
    }

    /** When the two parties were connected. */
    public Instant answeredAt() {
        return leg(Leg.Role.CALLEE).map(Leg::answeredAt).orElse(null);
    }

    /** How long the two parties talked, in seconds, once known. */
    public Integer durationSeconds() {
        return leg(Leg.Role.CALLEE).map(Leg::durationSeconds).orElse(null);
    }

    /** The legs as a carrier bills them. */
    public List<LegUse> legUses() {
        return LegUse.of(direction == Direction.DIAL_IN, createdAt, legs.stream()
                .map(l -> new LegUse.Stored(l.role() == Leg.Role.CALLER, l.status() == LegStatus.COMPLETED,
                        l.status().terminal(), l.answeredAt(), l.endedAt(), l.durationSeconds()))
                .toList());
    }
}
