package io.callmask.pool;

import io.callmask.number.PhoneNumber;
import io.callmask.number.PhoneNumberParser;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Chooses a party's masked number by the per-party rule: a number this party does not already
 * hold in another open session. Then the pool needs only as many numbers as the most sessions
 * any one real number is in at once. The database has the last word: the routes table's primary
 * key rejects a pair taken by a concurrent request, and the caller retries.
 *
 * <p>Preference: the number this party had with the same counterpart before (stickiness), then a
 * number of the party's own region; among equals, a random one, so that concurrent requests for
 * one busy party rarely collide.
 */
@Component
public class Allocator {

    private final Pool pool;
    private final RandomGenerator random = new SecureRandom();

    Allocator(Pool pool) {
        this.pool = pool;
    }

    /** A masked number for {@code real} in a new session with {@code counterpart}, or empty if none is free. */
    public Optional<PhoneNumber> choose(PhoneNumber real, PhoneNumber counterpart) {
        String region = PhoneNumberParser.regionOf(real);
        List<Pool.Candidate> free = pool.freeFor(real, region);
        if (free.isEmpty()) {
            return Optional.empty();
        }
        var sticky = pool.lastMaskedBetween(real, counterpart)
                .filter(previous -> free.stream().anyMatch(c -> c.number().equals(previous)));
        if (sticky.isPresent()) {
            return sticky;
        }
        List<Pool.Candidate> local = free.stream().filter(c -> c.region().equals(region)).toList();
        List<Pool.Candidate> choice = local.isEmpty() ? free : local;
        return Optional.of(choice.get(random.nextInt(choice.size())).number());
    }
}
