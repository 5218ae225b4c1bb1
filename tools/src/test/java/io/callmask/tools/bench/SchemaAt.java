package io.callmask.tools.bench;

import org.flywaydb.core.Flyway;

/**
 * Migrates a database to one schema version with callmask's SQL migrations, for bench/routing.sh:
 * it seeds plaintext V6 rows with SQL (fast, set-based), and callmask's own V7 migrations then seal
 * and hash them at the run's start-up, as they would an existing installation's.
 * Arguments: JDBC URL, user, target version.
 */
public final class SchemaAt {

    private SchemaAt() {}

    public static void main(String[] args) {
        Flyway.configure().dataSource(args[0], args[1], "").locations("classpath:db/migration").target(args[2])
                .load().migrate();
    }
}
