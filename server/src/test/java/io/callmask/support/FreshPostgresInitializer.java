package io.callmask.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at a PostgreSQL database of its own, for tests whose effects reach every
 * row (the retention job) and so must not share the database other test classes use.
 */
public class FreshPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = new java.util.HashMap<>(PostgresDatabase.POOL);
        settings.putAll(Map.of("spring.datasource.url", PostgresDatabase.create(),
                "spring.datasource.username", PostgresDatabase.USER, "spring.datasource.password", ""));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-postgres", settings));
    }
}
