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
     * One open connection to each database this JVM created: a database in use refuses to drop, so a
     * parallel run's clean-up of leftovers cannot remove it between its creation and its first use.
     */
    private static final java.util.List<Connection> HOLDS = new java.util.ArrayList<>();

    private PostgresDatabase() {}

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String create() {
        String name = "callmask_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
            dropLeftovers(c);
            c.createStatement().execute("create database " + name);
            synchronized (HOLDS) {
                HOLDS.add(DriverManager.getConnection(url(name), USER, ""));
            }
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

    /** Databases of earlier runs; one still in use by a parallel run refuses to drop and stays. */
    private static void dropLeftovers(Connection c) throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var rs = c.createStatement().executeQuery(
                "select datname from pg_database where datname like 'callmask\\_test\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String old : names) {
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
}
