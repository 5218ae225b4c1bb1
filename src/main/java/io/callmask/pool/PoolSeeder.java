package io.callmask.pool;

import io.callmask.CallmaskProperties;
import io.callmask.number.PhoneNumberParser;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds {@code callmask.pool} into the database at start-up. Numbers already there are kept
 * as they are; a number that is not valid E.164 stops the start with the setting's name.
 */
@Component
@Order(0)
class PoolSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PoolSeeder.class);

    private final CallmaskProperties properties;
    private final PhoneNumberParser parser;
    private final Pool pool;
    private final Clock clock;

    PoolSeeder(CallmaskProperties properties, PhoneNumberParser parser, Pool pool, Clock clock) {
        this.properties = properties;
        this.parser = parser;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = seed("callmask.pool", properties.pool(), PoolNumber.Kind.POOL)
                + seed("callmask.hubs", properties.hubs(), PoolNumber.Kind.HUB);
        log.info("Pool seeded: {} configured, {} hubs, {} newly added", properties.pool().size(),
                properties.hubs().size(), added);
    }

    private int seed(String setting, java.util.List<String> numbers, PoolNumber.Kind kind) {
        int added = 0;
        for (int i = 0; i < numbers.size(); i++) {
            var number = parser.parse(setting + "[" + i + "]", numbers.get(i));
            if (pool.addIfAbsent(number, kind, "twilio", PhoneNumberParser.regionOf(number), clock.instant())) {
                added++;
            }
        }
        return added;
    }
}
