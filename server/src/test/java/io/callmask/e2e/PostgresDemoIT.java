package io.callmask.e2e;

import io.callmask.support.PostgresDatabase;
import java.util.List;

/** {@link DemoScenarios} on a fresh PostgreSQL database per instance. */
class PostgresDemoIT extends DemoScenarios {

    @Override
    List<String> database(String name) {
        return List.of("--spring.datasource.url=" + PostgresDatabase.create(),
                "--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password=");
    }
}
