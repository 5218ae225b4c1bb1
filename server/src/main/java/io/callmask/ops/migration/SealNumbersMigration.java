package io.callmask.ops.migration;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import io.callmask.core.session.OpenKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * V7.1: seals and hashes every plaintext real number a database made by V1-V6 holds, between
 * V7 (adds the new columns) and V7.2 (drops the plaintext ones). A Spring bean, so it gets the
 * configured keys; Spring Boot hands every {@link JavaMigration} bean to Flyway. Open sessions get
 * their open key again from the keyed hashes, so a repeated create still finds them.
 *
 * <p>It streams: each table is read through a cursor and written back {@value #BATCH} rows at a
 * time, so memory stays flat whatever the table's size (1,000,000 sessions in a 512 MB heap). On
 * PostgreSQL each batch is one statement ({@code UPDATE … FROM (VALUES …)}), and the routing tables
 * copy their hashes from the parties in one statement each. It logs how far it is every
 * {@value #REPORT_EVERY} rows.
 */
@Component
class SealNumbersMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SealNumbersMigration.class);

    static final int BATCH = 500;
    static final int REPORT_EVERY = 100_000;

    private final NumberVault vault;
    private final NumberHashes hashes;

    SealNumbersMigration(NumberVault vault, NumberHashes hashes) {
        this.vault = vault;
        this.hashes = hashes;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7.1");
    }

    @Override
    public String getDescription() {
        return "seal and hash real numbers";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        new Table("retailers", List.of("id"), List.of("phone_sealed"), "select id, phone from retailers",
                (rs, row) -> row.add(rs.getString(1), vault.seal(number(rs, 2, "retailers"))))
                .rewrite(c, postgres);
        new Table("orders", List.of("id"), List.of("customer_phone_sealed", "customer_phone_hash"),
                "select id, customer_phone from orders", (rs, row) -> {
                    PhoneNumber n = number(rs, 2, "orders");
                    row.add(rs.getString(1), vault.seal(n), hashes.of(n));
                }).rewrite(c, postgres);
        new Table("parties", List.of("session_id", "position"), List.of("real_number_sealed", "real_number_hash"),
                "select session_id, position, real_number from parties", (rs, row) -> {
                    PhoneNumber n = number(rs, 3, "parties");
                    row.add(rs.getString(1), rs.getInt(2), vault.seal(n), hashes.of(n));
                }).rewrite(c, postgres);
        if (postgres) {
            // A route's number is its party's: copy the hash instead of computing it again.
            copyHashFromParties(c, "routes");
            copyHashFromParties(c, "hub_routes");
        } else {
            new Table("routes", List.of("real_number", "masked_number"), List.of("real_number_hash"),
                    "select real_number, masked_number from routes",
                    (rs, row) -> row.add(rs.getString(1), rs.getString(2), hashes.of(number(rs, 1, "routes"))))
                    .rewrite(c, false);
            new Table("hub_routes", List.of("real_number", "hub_number", "order_code"), List.of("real_number_hash"),
                    "select real_number, hub_number, order_code from hub_routes",
                    (rs, row) -> row.add(rs.getString(1), rs.getString(2), rs.getString(3),
                            hashes.of(number(rs, 1, "hub_routes"))))
                    .rewrite(c, false);
        }
        new Table("released_pairs", List.of("real_number", "masked_number"),
                List.of("real_number_hash", "counterpart_hash"),
                "select real_number, masked_number, counterpart_number from released_pairs",
                (rs, row) -> row.add(rs.getString(1), rs.getString(2), hashes.of(number(rs, 1, "released_pairs")),
                        hashes.of(number(rs, 3, "released_pairs"))))
                .rewrite(c, postgres);
        rekeyOpenSessions(c, postgres);
    }

    private static void copyHashFromParties(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            int rows = s.executeUpdate("update " + table + " r set real_number_hash = p.real_number_hash from parties p"
                    + " where p.session_id = r.session_id and p.position = r.position");
            log.info("V7.1 sealing numbers: {} {} rows hashed", rows, table);
        }
    }

    /**
     * Open keys were digests of the plain numbers; they become digests of the keyed hashes. Read in
     * session order, so each session's key is written as soon as its parties have been read.
     */
    private void rekeyOpenSessions(Connection c, boolean postgres) throws SQLException {
        Table sessions = new Table("sessions", List.of("id"), List.of("open_key"), """
                select s.id, s.reference, p.role, p.real_number_hash from sessions s
                join parties p on p.session_id = s.id where s.open_key is not null order by s.id""", null);
        try (Writer writer = sessions.writer(c, postgres);
                PreparedStatement q = c.prepareStatement(sessions.select)) {
            writer.total = count(c, "select count(*) from sessions where open_key is not null");
            q.setFetchSize(BATCH);
            String id = null;
            String reference = null;
            Map<String, String> hashByRole = new HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(id)) {
                        if (id != null) {
                            writer.add(id, OpenKeys.of(reference, hashByRole));
                        }
                        id = rs.getString(1);
                        reference = rs.getString(2);
                        hashByRole.clear();
                    }
                    hashByRole.put(rs.getString(3), rs.getString(4));
                }
            }
            if (id != null) {
                writer.add(id, OpenKeys.of(reference, hashByRole));
            }
        }
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The stored number; a row that is not E.164 stops the migration without quoting it. */
    private static PhoneNumber number(ResultSet rs, int column, String table) throws SQLException {
        try {
            return PhoneNumber.ofE164(rs.getString(column));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a number in table " + table + " is not in E.164 form; fix the row and"
                    + " start again (the migration changed nothing)");
        }
    }

    /** One table's rewrite: which rows ({@code select}), found by {@code keys}, get which {@code values}. */
    private record Table(String name, List<String> keys, List<String> values, String select, Row row) {

        void rewrite(Connection c, boolean postgres) throws SQLException {
            try (Writer writer = writer(c, postgres); PreparedStatement q = c.prepareStatement(select)) {
                writer.total = count(c, "select count(*) from " + name);
                q.setFetchSize(BATCH); // a cursor: PostgreSQL streams it inside the migration's transaction
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        row.write(rs, writer);
                    }
                }
            }
        }

        Writer writer(Connection c, boolean postgres) {
            return new Writer(c, this, postgres);
        }
    }

    /**
     * Writes rows back {@value #BATCH} at a time: key values first, then the new values, in the
     * order of the table's lists. Closing it writes the rest and logs the total.
     */
    private static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final Table table;
        private final boolean postgres;
        private final List<Object[]> rows = new ArrayList<>(BATCH);
        private long written;
        private long total;

        Writer(Connection connection, Table table, boolean postgres) {
            this.connection = connection;
            this.table = table;
            this.postgres = postgres;
        }

        void add(Object... row) throws SQLException {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            if (postgres) {
                updateFromValues();
            } else {
                updateEach();
            }
            long before = written;
            written += rows.size();
            rows.clear();
            if (written / REPORT_EVERY > before / REPORT_EVERY) {
                log.info("V7.1 sealing numbers: {} {} of {} rows", table.name, written, total);
            }
        }

        /** One statement per batch: {@code update t set v = x.v from (values (…), …) x(k…, v…) where t.k = x.k}. */
        private void updateFromValues() throws SQLException {
            List<String> columns = new ArrayList<>(table.keys);
            columns.addAll(table.values);
            String tuple = "(" + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
            StringBuilder sql = new StringBuilder("update ").append(table.name).append(" t set ");
            sql.append(String.join(", ", table.values.stream().map(v -> v + " = x." + v).toList()));
            sql.append(" from (values ").append(String.join(", ", Collections.nCopies(rows.size(), tuple)));
            sql.append(") as x(").append(String.join(", ", columns)).append(") where ");
            sql.append(String.join(" and ", table.keys.stream().map(k -> "t." + k + " = x." + k).toList()));
            try (PreparedStatement u = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (Object[] row : rows) {
                    for (Object value : row) {
                        u.setObject(i++, value);
                    }
                }
                u.executeUpdate();
            }
        }

        private void updateEach() throws SQLException {
            String sql = "update " + table.name + " set "
                    + String.join(", ", table.values.stream().map(v -> v + " = ?").toList()) + " where "
                    + String.join(" and ", table.keys.stream().map(k -> k + " = ?").toList());
            try (PreparedStatement u = connection.prepareStatement(sql)) {
                int keys = table.keys.size();
                for (Object[] row : rows) {
                    int i = 1;
                    for (int v = keys; v < row.length; v++) {
                        u.setObject(i++, row[v]);
                    }
                    for (int k = 0; k < keys; k++) {
                        u.setObject(i++, row[k]);
                    }
                    u.addBatch();
                }
                u.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            if (written > 0) {
                log.info("V7.1 sealing numbers: {} done, {} rows", table.name, written);
            }
        }
    }

    private interface Row {
        void write(ResultSet rs, Writer writer) throws SQLException;
    }
}
