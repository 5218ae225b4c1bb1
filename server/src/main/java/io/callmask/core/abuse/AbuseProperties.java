package io.callmask.core.abuse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.abuse.*}: the abuse rules. Each has {@code enabled}, its thresholds, and
 * {@code block-for}: how long a hit blocks the retailer from placing calls ({@code 0}: alert only).
 * Defaults are in {@code application.yml} and explained in {@code docs/security.md#abuse-rules-alerts-and-blocks}.
 */
@Validated
@ConfigurationProperties("callmask.abuse")
public record AbuseProperties(@Valid @NotNull ShortCallBurst shortCallBurst,
        @Valid @NotNull RepeatedUnanswered repeatedUnanswered, @Valid @NotNull OutsideHours outsideHours,
        @Valid @NotNull AfterOrderClosed afterOrderClosed, @Valid @NotNull DistinctCustomers distinctCustomers) {

    /** At least {@code calls} calls that talked less than {@code shorterThan} (or never connected) in {@code window}. */
    public record ShortCallBurst(boolean enabled, int calls, Duration shorterThan, Duration window, Duration blockFor) {
        public ShortCallBurst {
            check("short-call-burst", calls, window, blockFor);
            positive("short-call-burst.shorter-than", shorterThan);
        }
    }

    /** At least {@code calls} unanswered calls (no-answer, busy, failed, canceled) to one customer in {@code window}. */
    public record RepeatedUnanswered(boolean enabled, int calls, Duration window, Duration blockFor) {
        public RepeatedUnanswered {
            check("repeated-unanswered", calls, window, blockFor);
        }
    }

    /** Calls only within {@code allowedHours} in the customer's zone; {@code defaultZone} when the number tells none. */
    public record OutsideHours(boolean enabled, String allowedHours, String defaultZone, Duration blockFor) {
        public OutsideHours {
            try {
                AllowedHours.parse(allowedHours);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("callmask.abuse.outside-hours.allowed-hours: " + e.getMessage());
            }
            try {
                ZoneId.of(defaultZone);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "callmask.abuse.outside-hours.default-zone must be a time zone id such as Asia/Kolkata");
            }
            notNegative("outside-hours.block-for", blockFor);
        }

        AllowedHours hours() {
            return AllowedHours.parse(allowedHours);
        }

        ZoneId zone() {
            return ZoneId.of(defaultZone);
        }
    }

    /** A retailer's call attempt about an order that is no longer active. */
    public record AfterOrderClosed(boolean enabled, Duration blockFor) {
        public AfterOrderClosed {
            notNegative("after-order-closed.block-for", blockFor);
        }
    }

    /** At least {@code customers} different customers called within {@code window}. */
    public record DistinctCustomers(boolean enabled, int customers, Duration window, Duration blockFor) {
        public DistinctCustomers {
            check("distinct-customers", customers, window, blockFor);
        }
    }

    private static void check(String rule, int count, Duration window, Duration blockFor) {
        if (count < 1) {
            throw new IllegalArgumentException("callmask.abuse." + rule + " needs a count of at least 1");
        }
        positive(rule + ".window", window);
        notNegative(rule + ".block-for", blockFor);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("callmask.abuse." + name + " must be a positive duration");
        }
    }

    private static void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("callmask.abuse." + name + " must be 0 or a positive duration");
        }
    }
}
