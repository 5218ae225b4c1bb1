package io.callmask.core.call;

import io.callmask.core.cost.Money;
import io.callmask.core.cost.Pricing;
import java.time.Instant;
import java.util.List;

/** A call as the API shows it. Carrier ids are shown; phone numbers are not. */
public record CallView(String id, String sessionId, String direction, String status, String carrier, Instant createdAt,
        Instant answeredAt, Integer durationSeconds, String failureReason, Money cost, List<LegView> legs) {

    record LegView(String role, String carrierSid, String status, Instant answeredAt, Instant endedAt,
            Integer durationSeconds) {}

    /** {@code cost} is null when the call's carrier has no price table. */
    static public CallView of(Call c, Pricing pricing) {
        return new CallView(c.id(), c.sessionId(), c.direction().wire(), c.status().wire(), c.carrier(), c.createdAt(),
                c.answeredAt(), c.durationSeconds(), c.failureReason(),
                pricing.price(c.carrier(), c.legUses()).orElse(null), c.legs().stream()
                        .map(l -> new LegView(l.role().wire(), l.carrierSid(), l.status().wire(), l.answeredAt(),
                                l.endedAt(), l.durationSeconds()))
                        .toList());
    }
}
