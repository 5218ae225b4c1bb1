package io.callmask.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A masked relationship between two parties for one reference (an order id). {@code record}: its
 * calls are recorded by the carrier, after both parties hear the consent notice.
 */
public record Session(String id, String reference, String orderCode, SessionStatus status, Instant createdAt,
        Instant expiresAt, Instant endedAt, List<Party> parties, boolean record) {

    /** Open and not yet past its expiry, whatever the scheduled expiry has done so far. */
    public boolean openAt(Instant now) {
        return status == SessionStatus.OPEN && now.isBefore(expiresAt);
    }

    public Optional<Party> party(String role) {
        return parties.stream().filter(p -> p.role().equals(role)).findFirst();
    }

    public Party party(int position) {
        return parties.stream().filter(p -> p.position() == position).findFirst().orElseThrow();
    }

    /** The party that is not {@code party}. */
    public Party other(Party party) {
        return parties.stream().filter(p -> p.position() != party.position()).findFirst().orElseThrow();
    }
}
