package io.callmask.core.abuse;

import io.callmask.core.number.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Calls only within the allowed hours in the customer's time zone. A number whose country spans
 * several zones must be inside the hours in every one of them. A hit is recorded once per retailer,
 * customer and night; every attempt in that night is refused all the same.
 */
@Component
class OutsideHoursRule {

    private final AbuseProperties.OutsideHours rule;
    private final CustomerTimeZones zones;
    private final CustomerIdentity customers;
    private final AbuseMonitor monitor;
    private final Clock clock;

    OutsideHoursRule(AbuseProperties properties, CustomerTimeZones zones, CustomerIdentity customers,
            AbuseMonitor monitor, Clock clock) {
        this.rule = properties.outsideHours();
        this.zones = zones;
        this.customers = customers;
        this.monitor = monitor;
        this.clock = clock;
    }

    /** When a call to {@code customer} now is outside the hours: records the hit, returns how long until allowed. */
    Optional<Duration> check(String retailerId, PhoneNumber customer, String sessionId) {
        if (!rule.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AllowedHours hours = rule.hours();
        for (ZoneId zone : zones.of(customer)) {
            ZonedDateTime local = now.atZone(zone);
            if (!hours.contains(local.toLocalTime())) {
                String subject = customers.subject(customers.columnValue(customer));
                String night = hours.closedSince(local).toInstant().toString();
                monitor.record(new Hit(Rule.OUTSIDE_HOURS, retailerId, sessionId, null, subject, now,
                        WindowRules.dedupKey(Rule.OUTSIDE_HOURS, retailerId, subject, night),
                        "Retailer '" + retailerId + "' tried to call a customer at "
                                + local.toLocalTime().withSecond(0).withNano(0) + " in the customer's time zone ("
                                + zone.getId() + "); calls are allowed " + hours + "."));
                return Optional.of(Duration.between(now, hours.nextOpening(local).toInstant()));
            }
        }
        return Optional.empty();
    }

    AllowedHours hours() {
        return rule.hours();
    }
}
