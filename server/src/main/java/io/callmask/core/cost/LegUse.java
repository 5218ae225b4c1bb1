package io.callmask.core.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One carrier leg as a bill sees it: which way it went, whether it was answered, and how long it
 * lasted once it ended ({@code null} while it is still going).
 */
public record LegUse(boolean inbound, boolean answered, Integer durationSeconds) {

    /** A leg as stored: the caller's or the callee's, its status and times. */
    public record Stored(boolean callerLeg, boolean completed, boolean ended, Instant answeredAt, Instant endedAt,
            Integer durationSeconds) {

        Integer duration() {
            if (durationSeconds == null && answeredAt != null && endedAt != null) {
                return (int) Duration.between(answeredAt, endedAt).toSeconds();
            }
            return durationSeconds;
        }
    }

    /**
     * The legs of one call as a carrier bills them. A click-to-call's two legs are both placed by
     * callmask (outbound). A dial-in's caller leg comes in to the pool number (inbound), its callee
     * leg goes out. A completed leg was answered; its duration is the carrier's, else from answer
     * to end.
     *
     * <p>Twilio reports nothing about a dial-in's incoming leg unless the number has a status
     * callback, so while that leg has not ended in our records it is estimated once the callee's
     * leg has ended: answered by our webhook when the call was created, lasting until the callee's
     * leg ended and at least as long as the callee's talk.
     */
    public static List<LegUse> of(boolean dialIn, Instant callCreatedAt, List<Stored> legs) {
        Stored callee = legs.stream().filter(l -> !l.callerLeg()).findFirst().orElse(null);
        List<LegUse> uses = new ArrayList<>();
        for (Stored leg : legs) {
            boolean inbound = dialIn && leg.callerLeg();
            if (inbound && !leg.ended() && callee != null && callee.ended() && callee.endedAt() != null) {
                long held = Math.max(0, Duration.between(callCreatedAt, callee.endedAt()).toSeconds());
                Integer talk = callee.duration();
                uses.add(new LegUse(true, true, (int) Math.max(held, talk == null ? 0 : talk)));
            } else {
                uses.add(new LegUse(inbound, leg.completed(), leg.ended() ? leg.duration() : null));
            }
        }
        return uses;
    }
}
