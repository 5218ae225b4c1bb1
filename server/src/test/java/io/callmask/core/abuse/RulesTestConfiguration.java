package io.callmask.core.abuse;

import io.callmask.support.StoppedClock;
import io.callmask.core.directory.Orders;
import io.callmask.core.event.Events;
import io.callmask.core.privacy.CryptoProperties;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberKeys;
import io.callmask.core.privacy.NumberVault;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Only the abuse package and the repositories it reads, on the database named by
 * {@code spring.datasource.url}, migrated by Flyway; low thresholds so a few rows make a hit. Not
 * a {@code @Configuration}, so that the application's component scan never picks it up.
 */
@Import({CallLog.class, Alerts.class, Blocks.class, AbuseMonitor.class, OutsideHoursRule.class, CallGate.class,
        CustomerTimeZones.class, CustomerIdentity.class, Events.class, Orders.class})
class RulesTestConfiguration {

    static final Duration BLOCK = Duration.ofHours(1);

    @Bean
    DataSource dataSource(Environment env) {
        DataSource dataSource = new SingleConnectionDataSource(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", "sa"), env.getProperty("spring.datasource.password", ""),
                true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    /** Evaluations run on the test's thread, so a test asserts right after it triggers one. */
    @Bean
    RuleEvaluations ruleEvaluations(ObjectProvider<MeterRegistry> meters) {
        return new RuleEvaluations(meters) {
            @Override
            void submit(String what, Runnable evaluation) {
                evaluation.run();
            }

            @Override
            void coalesce(String what, String key, Runnable evaluation) {
                evaluation.run();
            }
        };
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }

    @Bean
    StoppedClock clock() {
        return new StoppedClock(Instant.parse("2026-11-25T06:00:00Z"));
    }

    /** A stand-in keyed hash: the tests only need it stable and unlike the number. */
    @Bean
    NumberHashes numberHashes() {
        return number -> "h" + Integer.toHexString(number.e164().hashCode());
    }

    /** Real sealing under a fixed test key, as the application's tables need it. */
    @Bean
    NumberVault numberVault() {
        String key = NumberKeys.newKey(32);
        return new NumberVault(NumberKeys.of(new CryptoProperties(Map.of("t1", key), "t1", key)));
    }

    @Bean
    AbuseProperties abuseProperties() {
        return new AbuseProperties(
                new AbuseProperties.ShortCallBurst(true, 3, Duration.ofSeconds(10), Duration.ofMinutes(10), BLOCK),
                new AbuseProperties.RepeatedUnanswered(true, 3, Duration.ofHours(6), Duration.ZERO),
                new AbuseProperties.OutsideHours(true, "08:00-21:00", "Asia/Kolkata", Duration.ZERO),
                new AbuseProperties.AfterOrderClosed(true, Duration.ZERO),
                new AbuseProperties.DistinctCustomers(true, 3, Duration.ofHours(1), Duration.ofMinutes(30)));
    }
}
