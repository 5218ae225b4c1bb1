package io.callmask.e2e;

import io.callmask.support.PostgresDatabase;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * On a PostgreSQL database of its own, not the one the other Postgres…IT classes share: this
 * application moves its clock by hours, and its session expiry would end their sessions.
 */
@ContextConfiguration(initializers = PostgresAbuseIT.OwnDatabase.class)
class PostgresAbuseIT extends AbuseScenarios {

    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("abuse-postgres", Map.of(
                    "spring.datasource.url", PostgresDatabase.create(),
                    "spring.datasource.username", PostgresDatabase.USER,
                    "spring.datasource.password", "")));
        }
    }
}
