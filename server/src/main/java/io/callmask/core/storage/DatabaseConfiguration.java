package io.callmask.core.storage;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which database this instance runs on, learnt once at start-up. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    Database database(DataSource dataSource) {
        return Database.of(dataSource);
    }
}
