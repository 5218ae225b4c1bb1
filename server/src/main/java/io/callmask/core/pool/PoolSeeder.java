package io.callmask.core.pool;

import io.callmask.core.config.CallmaskProperties;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.number.PhoneNumberParser;
import io.callmask.core.number.Redaction;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds {@code callmask.pool} and {@code callmask.hubs} into the database at start-up, each number
 * owned by the carrier whose {@code callmask.carriers.<name>.numbers} lists it, else by
 * {@code callmask.carrier}. Numbers already there keep their state; their owner follows the
 * configuration, so switching carrier is a change of settings. A number that is not valid E.164,
 * or that a carrier claims without it being in the pool or hubs (or two carriers claim), stops the
 * start with the setting's name.
 */
@Component
@Order(0)
class PoolSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PoolSeeder.class);

    private final CallmaskProperties properties;
    private final NumberOwnership ownership;
    private final PhoneNumberParser parser;
    private final Pool pool;
    private final Clock clock;

    PoolSeeder(CallmaskProperties properties, NumberOwnership ownership, PhoneNumberParser parser, Pool pool,
            Clock clock) {
        this.properties = properties;
        this.ownership = ownership;
        this.parser = parser;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<PhoneNumber, String> owners = owners();
        int added = seed("callmask.pool", properties.pool(), PoolNumber.Kind.POOL, owners)
                + seed("callmask.hubs", properties.hubs(), PoolNumber.Kind.HUB, owners);
        if (!owners.isEmpty()) {
            PhoneNumber stray = owners.keySet().iterator().next();
            throw new IllegalStateException("callmask.carriers." + owners.get(stray) + ".numbers lists "
                    + Redaction.redact(stray.e164()) + ", which is in neither callmask.pool nor callmask.hubs");
        }
        pool.readNumbers(); // every number in memory from the start, for the dial-ins and the sessions
        log.info("Pool seeded: {} configured, {} hubs, {} newly added", properties.pool().size(),
                properties.hubs().size(), added);
    }

    /** Number -> carrier for the numbers some carrier claims; a number claimed twice is refused. */
    private Map<PhoneNumber, String> owners() {
        Map<PhoneNumber, String> owners = new HashMap<>();
        ownership.carriers().forEach((carrier, owner) -> {
            List<String> numbers = owner.numbers();
            for (int i = 0; i < numbers.size(); i++) {
                String setting = "callmask.carriers." + carrier + ".numbers[" + i + "]";
                String previous = owners.put(parser.parse(setting, numbers.get(i)), carrier);
                if (previous != null && !previous.equals(carrier)) {
                    throw new IllegalStateException(setting + " is also claimed by callmask.carriers." + previous
                            + ".numbers; a number has one carrier");
                }
            }
        });
        return owners;
    }

    /** Seeds one list; removes what it seeded from {@code owners}, so strays remain. */
    private int seed(String setting, List<String> numbers, PoolNumber.Kind kind, Map<PhoneNumber, String> owners) {
        int added = 0;
        Set<PhoneNumber> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            var number = parser.parse(setting + "[" + i + "]", numbers.get(i));
            String carrier = owners.getOrDefault(number, ownership.carrier());
            seen.add(number);
            if (pool.addIfAbsent(number, kind, carrier, PhoneNumberParser.regionOf(number), clock.instant())) {
                added++;
            } else if (pool.reassign(number, carrier)) {
                log.info("Pool number {} now belongs to carrier {}", Redaction.redact(number.e164()), carrier);
            }
        }
        owners.keySet().removeAll(seen);
        return added;
    }
}
