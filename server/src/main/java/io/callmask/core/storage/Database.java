package io.callmask.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The two databases callmask runs on. Statements are the same on both but where one can do in a
 * single round trip what the other needs two for (PostgreSQL's data-modifying {@code WITH}), or
 * where a failed statement ends a PostgreSQL transaction but not an H2 one.
 */
public enum Database {
    POSTGRESQL, H2;

    /** The database behind {@code dataSource}; fails at start-up for any other. */
    public static Database of(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to learn which it is", e);
        }
        return switch (product) {
            case "PostgreSQL" -> POSTGRESQL;
            case "H2" -> H2;
            default -> throw new IllegalStateException("callmask supports PostgreSQL and H2, not " + product);
        };
    }
}
