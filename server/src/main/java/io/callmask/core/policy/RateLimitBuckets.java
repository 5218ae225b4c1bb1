package io.callmask.core.policy;

import io.callmask.core.storage.Database;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Bucket4j proxy manager over the {@code rate_limit_buckets} table (V8), on PostgreSQL and H2
 * ({@link JdbcBucketProxyManager}): a row lock per bucket, so instances sharing the database share
 * the limits, and a check inside a transaction commits with it. Buckets run on the
 * application's clock, and a bucket row is deleted once it would be full again (it then holds no
 * information), so keys of customers who are no longer called do not stay.
 */
@Configuration
class RateLimitBuckets {

    static final String TABLE = "rate_limit_buckets";

    @Bean
    ProxyManager<String> rateLimitProxyManager(DataSource dataSource, Database database, Clock clock) {
        ClientSideConfig config = ClientSideConfig.getDefault()
                .withClientClock(new ApplicationClock(clock))
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
        return new JdbcBucketProxyManager(dataSource, database, config);
    }

    /** Bucket4j's clock from the application's {@link Clock}, which tests can move. */
    private record ApplicationClock(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
