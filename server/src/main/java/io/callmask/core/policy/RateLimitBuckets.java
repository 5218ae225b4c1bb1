package io.callmask.core.policy;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Bucket4j proxy manager over the {@code rate_limit_buckets} table (V8): Bucket4j's own
 * select-for-update manager on PostgreSQL, {@link H2BucketProxyManager} on H2. Both take a row
 * lock per bucket, so instances sharing the database share the limits. Buckets run on the
 * application's clock, and a bucket row is deleted once it would be full again (it then holds no
 * information), so keys of customers who are no longer called do not stay.
 */
@Configuration
class RateLimitBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);
    static final String TABLE = "rate_limit_buckets";

    @Bean
    ProxyManager<String> rateLimitProxyManager(DataSource dataSource, Clock clock) {
        ClientSideConfig config = ClientSideConfig.getDefault()
                .withClientClock(new ApplicationClock(clock))
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
        String database = productName(dataSource);
        if (database.equals("PostgreSQL")) {
            return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .clientClock(config.getClientSideClock().orElseThrow())
                    .expirationAfterWrite(config.getExpirationAfterWriteStrategy().orElseThrow())
                    .build();
        }
        if (database.equals("H2")) {
            return new H2BucketProxyManager(dataSource, config);
        }
        throw new IllegalStateException("rate limits support PostgreSQL and H2, not " + database);
    }

    private static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to set up rate limits", e);
        }
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
