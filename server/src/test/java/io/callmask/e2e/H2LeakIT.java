package io.callmask.e2e;

import io.callmask.support.OnH2;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@OnH2
@TestPropertySource(properties = {"logging.file.name=target/leak-test/h2.log", "logging.level.io.callmask=DEBUG"})
class H2LeakIT extends LeakScenarios {

    @Autowired
    JdbcClient jdbc;

    @Override
    void dump(Path file) {
        jdbc.sql("script to '" + file.toAbsolutePath() + "'").query().listOfRows();
    }

    @Override
    String databaseName() {
        return "h2";
    }

    @Override
    Path logFile() {
        return Path.of("target/leak-test/h2.log");
    }
}
