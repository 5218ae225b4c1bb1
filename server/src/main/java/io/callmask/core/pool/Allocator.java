package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.number.PhoneNumberParser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Chooses a party's masked number by the per-party rule: a number this party does not already
 * hold in another open session (and has not released with someone else during the cool-down).
 * Then the pool needs only as many numbers as the most sessions any one real number is in at once.
 * The database has the last word: the routes table's primary key rejects a pair taken by a
 * concurrent request, and the caller retries.
 *
 * <p>Preference: the number this party had with the same counterpart before (stickiness), then a
 * number of the party's own region; among equals a random one, so that concurrent requests for one
 * busy party rarely collide.
 *
 * <p>Both parties of a session should be served by one carrier, which dials one with the other's
 * masked number as caller ID: the second party's choice prefers numbers of the carrier that owns
 * the first party's ({@code preferredCarrier}), when it has a free one. It is a preference only,
 * so the pool-size bound above holds across a mixed pool.
 *
 * <p>A party that may use a hub (by role) and already has {@code hub-threshold} open sessions gets
 * the hub instead, so the busiest retailer does not decide the pool's size. Any party the pool
 * cannot serve goes to the hub too (never refused), with the shortfall reported.
 */
@Component
public class Allocator {

    private final Pool pool;
    private final AllocationProperties properties;
    private final Clock clock;

    Allocator(Pool pool, AllocationProperties properties, Clock clock) {
        this.pool = pool;
        this.properties = properties;
        this.clock = clock;
    }

    /** What these real numbers (by keyed hash) hold; a hash missing from the answer holds nothing. */
    public Map<String, Holdings> holdingsOf(List<String> hashes) {
        return pool.holdingsOf(hashes);
    }

    /**
     * A masked number for {@code real}, which holds {@code holdings}, in a new session with the
     * real number whose keyed hash is {@code counterpartHash}, preferring numbers of
     * {@code preferredCarrier} (null: any carrier).
     *
     * @return empty only when the pool cannot serve the party and no hub is configured
     */
    public Optional<Allocation> allocate(String role, PhoneNumber real, Holdings holdings, String counterpartHash,
            String preferredCarrier) {
        String region = PhoneNumberParser.regionOf(real);
        int openSessions = holdings.openSessions();
        if (properties.mayUseHub(role) && openSessions >= properties.hubThreshold()) {
            Optional<PhoneNumber> hub = pool.hubFor(region, preferredCarrier);
            if (hub.isPresent()) {
                return hub.map(h -> new Allocation(h, true, 0));
            }
        }
        Optional<PhoneNumber> own = pool.bestFreeFor(holdings, counterpartHash, region,
                clock.instant().minus(properties.coolDown()), preferredCarrier);
        if (own.isPresent()) {
            return own.map(n -> new Allocation(n, false, 0));
        }
        int shortBy = Math.max(1, openSessions + 1 - pool.size());
        return pool.hubFor(region, preferredCarrier).map(h -> new Allocation(h, true, shortBy));
    }

    /** The carrier that owns one of our numbers (null when it is not ours). */
    public String carrierOf(PhoneNumber masked) {
        return pool.carrierOf(masked).orElse(null);
    }
}
