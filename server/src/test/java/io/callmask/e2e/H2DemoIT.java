package io.callmask.e2e;

import java.util.List;

/** {@link DemoScenarios} on an in-memory H2 database per instance, as on the embedded default. */
class H2DemoIT extends DemoScenarios {

    @Override
    List<String> database(String name) {
        return List.of("--spring.datasource.url=jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }
}
