package io.callmask.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database per test class on the local server (127.0.0.1:5432, user postgres,
 * trust auth; override with CALLMASK_TEST_PG_HOST/PORT/USER). Outside CI a missing server skips
 * the class; in CI (CI=true) it fails it, so PostgreSQL coverage can never silently vanish.
 */
public final class PostgresDatabase {

    private static final String HOST = env("CALLMASK_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("CALLMASK_TEST_PG_PORT", "5432");
    public static final String USER = env("CALLMASK_TEST_PG_USER", "postgres");

    /**
     * Connection-pool settings for every test instance on PostgreSQL: many Spring contexts stay cached
     * in one test JVM, and with Hikari's default of ten connections each they would exhaust the
     * server's max_connections (100 by default) long before the suite ends.
     */
    public static final java.util.Map<String, String> POOL = java.util.Map.of(
            "spring.datasource.hikari.maximum-pool-size", "5",
            "spring.datasource.hikari.minimum-idle", "1",
            "spring.datasource.hikari.idle-timeout", "10000");

    /** A test database older than this is a leftover of an earlier run (a whole CI run takes minutes). */
    private static final long LEFTOVER_AFTER_SECONDS = 6 * 3600;

    private PostgresDatabase() {}

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String create() {
        // The creation time in the name lets a later run tell leftovers from databases a parallel run uses.
        String name = "callmask_test_" + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
            dropLeftovers(c);
            c.createStatement().execute("create database " + name);
            return url(name);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required in CI but not reachable at "
                        + HOST + ":" + PORT + ": " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Databases of earlier runs, by the time in their name; one still in use refuses to drop and stays. */
    private static void dropLeftovers(Connection c) throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var rs = c.createStatement().executeQuery(
                "select datname from pg_database where datname like 'callmask\\_test\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        long before = System.currentTimeMillis() / 1000 - LEFTOVER_AFTER_SECONDS;
        for (String old : names) {
            var created = java.util.regex.Pattern.compile("callmask_test_(\\d{10})_.*").matcher(old);
            if (created.matches() && Long.parseLong(created.group(1)) > before) {
                continue; // recent: perhaps a parallel run's
            }
            try {
                c.createStatement().execute("drop database if exists " + old);
            } catch (SQLException inUse) {
                // another test JVM is using it
            }
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Closes the database at {@code url} to new connections and ends the open ones (an instance's pool), as an
     * outage looks from the instance; or opens it again.
     */
    public static void allowConnections(String url, boolean allow) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, USER, "")) {
            c.createStatement().execute("alter database " + database + " allow_connections " + allow);
            if (!allow) {
                c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + database + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
