package io.callmask.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.storage.Database;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The bucket store on H2 with the real schema (all migrations): limits, persistence, clean-up, joined transactions. */
class JdbcBucketProxyManagerTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:buckets-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcBucketProxyManager manager;

    JdbcBucketProxyManagerTest() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        manager = new JdbcBucketProxyManager(dataSource, Database.H2, ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
    }

    private BucketProxy bucket(String key, int perHour) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build();
        return manager.builder().build(key, () -> config);
    }

    @Test
    void aBucketAllowsItsCapacityThenRefusesAndTheCountIsInTheTable() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket("retailer:r1", 3).tryConsume(1)).as("call %d", i + 1).isTrue();
        }
        assertThat(bucket("retailer:r1", 3).tryConsume(1)).isFalse();
        assertThat(bucket("retailer:r2", 3).tryConsume(1)).as("another key, another bucket").isTrue();

        long expiresAt = jdbc.sql("select expires_at from rate_limit_buckets where id = 'retailer:r1'")
                .query(Long.class).single();
        assertThat(expiresAt).as("full again in about an hour").isGreaterThan(System.currentTimeMillis() + 3_500_000);
    }

    @Test
    void rowsPastTheirExpiryAreRemovedAndOthersStay() {
        bucket("customer:live", 3).tryConsume(1);
        jdbc.sql("insert into rate_limit_buckets (id, state, expires_at) values ('customer:old', null, 0)").update();

        assertThat(manager.removeExpired(1000)).isEqualTo(1);
        assertThat(jdbc.sql("select id from rate_limit_buckets").query(String.class).list())
                .containsExactly("customer:live");
    }

    @Test
    void aCheckInsideATransactionCommitsWithItAndARollbackGivesTheTokenBack() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Boolean first = tx.execute(status -> bucket("retailer:r3", 2).tryConsume(1));
        assertThat(first).isTrue();
        tx.executeWithoutResult(status -> {
            assertThat(bucket("retailer:r3", 2).tryConsume(1)).as("the second of two").isTrue();
            status.setRollbackOnly(); // the call it admitted was not written
        });
        assertThat(bucket("retailer:r3", 2).tryConsume(1)).as("the rolled-back token is back").isTrue();
        assertThat(bucket("retailer:r3", 2).tryConsume(1)).as("both taken now").isFalse();
    }
}
