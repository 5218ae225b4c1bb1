package io.callmask.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the shared test database on PostgreSQL. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String url;

    /** The shared database's JDBC URL, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            url = PostgresDatabase.create();
        }
        return url;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = new java.util.HashMap<>(PostgresDatabase.POOL);
        settings.putAll(Map.of("spring.datasource.url", url(), "spring.datasource.username", PostgresDatabase.USER,
                "spring.datasource.password", ""));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", settings));
    }
}
