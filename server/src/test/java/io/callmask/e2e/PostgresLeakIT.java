package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.OnPostgres;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.PostgresInitializer;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.test.context.TestPropertySource;

@OnPostgres
@TestPropertySource(properties = {"logging.file.name=target/leak-test/postgres.log",
        "logging.level.io.callmask=DEBUG"})
class PostgresLeakIT extends LeakScenarios {

    /** pg_dump of the test database (the binary on this machine), as an operator backs it up. */
    @Override
    void dump(Path file) throws Exception {
        URI uri = URI.create(PostgresInitializer.url().substring("jdbc:".length()));
        Process p = new ProcessBuilder("pg_dump", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-U", PostgresDatabase.USER, "-f", file.toAbsolutePath().toString(), uri.getPath().substring(1))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    @Override
    String databaseName() {
        return "postgres";
    }

    @Override
    Path logFile() {
        return Path.of("target/leak-test/postgres.log");
    }
}
