package io.callmask.core.policy;

import io.callmask.core.directory.Retailer;
import io.callmask.core.directory.Retailers;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.Refusal;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rate limits on starting calls: per retailer per hour ({@code callsPerHour} on the retailer,
 * else {@code callmask.limits.retailer-calls-per-hour}) and per customer number per day, keyed by
 * the number's keyed hash so that the bucket table never holds a real number. Callers ask before
 * they write anything; inside a transaction (a dial-in's) the tokens are taken in it and commit with
 * the call, or come back with its rollback. Tokens are taken from the retailer's bucket first and
 * given back when the customer's bucket refuses, so a refused call costs neither limit. Bucket4j's
 * batching is not used: a batch runs in the transaction of the thread that executes it, which may
 * itself still wait for a later batch while holding the bucket's row lock, and the next batch then
 * waits for it (a deadlock, seen under load). Concurrent checks of one retailer therefore queue on
 * its row, each holding it until its transaction commits.
 */
@Component
public class CallLimits {

    /** The two limits, as named in a {@code rate-limited} problem. */
    public enum Limit {
        RETAILER, CUSTOMER;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** Allowed, or refused by {@code limit} until {@code retryAfter} has passed. */
    public record Admission(Limit limit, Duration retryAfter) {
        static final Admission ALLOWED = new Admission(null, Duration.ZERO);

        public boolean allowed() {
            return limit == null;
        }

        /** Whole seconds, at least 1, as {@code Retry-After} wants them. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L);
        }
    }

    private final ProxyManager<String> buckets;
    private final Retailers retailers;
    private final NumberHashes hashes;
    private final LimitProperties properties;
    /** Configuration version of buckets set up by this start: a restart with new limits replaces them. */
    private final long startVersion;

    CallLimits(ProxyManager<String> buckets, Retailers retailers, NumberHashes hashes, LimitProperties properties,
            Clock clock) {
        this.buckets = buckets;
        this.retailers = retailers;
        this.hashes = hashes;
        this.properties = properties;
        this.startVersion = clock.millis();
    }

    /**
     * Takes one call from the limits of the retailer (by id; by number hash when the session names
     * no retailer id; neither: the session has no retailer) and of the called customer (null: the
     * callee is not a customer).
     */
    public Admission admit(String retailerId, PhoneNumber retailerNumber, PhoneNumber calledCustomer) {
        BucketProxy retailer = retailerId == null && retailerNumber == null ? null
                : retailerBucket(retailerId, retailerNumber);
        if (retailer != null) {
            ConsumptionProbe byRetailer = retailer.tryConsumeAndReturnRemaining(1);
            if (!byRetailer.isConsumed()) {
                return new Admission(Limit.RETAILER, Duration.ofNanos(byRetailer.getNanosToWaitForRefill()));
            }
        }
        if (calledCustomer != null) {
            ConsumptionProbe byCustomer = customerBucket(calledCustomer).tryConsumeAndReturnRemaining(1);
            if (!byCustomer.isConsumed()) {
                if (retailer != null) {
                    retailer.addTokens(1);
                }
                return new Admission(Limit.CUSTOMER, Duration.ofNanos(byCustomer.getNanosToWaitForRefill()));
            }
        }
        return Admission.ALLOWED;
    }

    /** As {@link #admit}, for the API: a refusal is a 429 {@code rate-limited} with {@code Retry-After}. */
    public void require(String retailerId, PhoneNumber retailerNumber, PhoneNumber calledCustomer) {
        Admission admission = admit(retailerId, retailerNumber, calledCustomer);
        if (admission.allowed()) {
            return;
        }
        String which = admission.limit().wire();
        String detail = admission.limit() == Limit.RETAILER
                ? "This retailer has started as many calls as it may this hour."
                : "The customer has been called as often as allowed today.";
        throw new Refusal(Refusal.Kind.LIMITED, "rate-limited", "Rate limit reached",
                detail + " Retry after " + admission.retryAfterSeconds() + " seconds; nothing was done.",
                Map.of("limit", which, "retryAfterSeconds", admission.retryAfterSeconds()),
                (long) admission.retryAfterSeconds());
    }

    private BucketProxy retailerBucket(String retailerId, PhoneNumber number) {
        Optional<Retailer> known = retailerId == null ? Optional.empty() : retailers.find(retailerId);
        int perHour = known.map(Retailer::callsPerHour).orElse(properties.retailerCallsPerHour());
        // A changed callsPerHour takes effect at once: its update time is a newer configuration version.
        long version = Math.max(startVersion, known.map(r -> r.updatedAt().toEpochMilli()).orElse(0L));
        String key = retailerId != null ? "retailer:" + retailerId : "retailer-number:" + hashes.of(number);
        return bucket(key, perHour, Duration.ofHours(1), version);
    }

    private BucketProxy customerBucket(PhoneNumber customer) {
        return bucket("customer:" + hashes.of(customer), properties.customerCallsPerDay(), Duration.ofDays(1),
                startVersion);
    }

    /** A token bucket of {@code capacity} calls, refilled evenly over {@code period}. */
    private BucketProxy bucket(String key, int capacity, Duration period, long version) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
        // ADDITIVE: raising a limit from 60 to 100 after 60 calls leaves 40, lowering it takes away.
        return buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.ADDITIVE)
                .build(key, () -> config);
    }
}
