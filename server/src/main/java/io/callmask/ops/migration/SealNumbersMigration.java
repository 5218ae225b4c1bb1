package io.callmask.ops.migration;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import io.callmask.core.session.OpenKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V7.1: seals and hashes every plaintext real number a database made by V1-V6 holds, between
 * V7 (adds the new columns) and V7.2 (drops the plaintext ones). A Spring bean, so it gets the
 * configured keys; Spring Boot hands every {@link JavaMigration} bean to Flyway. Open sessions get
 * their open key again from the keyed hashes, so a repeated create still finds them.
 */
@Component
class SealNumbersMigration implements JavaMigration {

    private static final int BATCH = 500;

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
        rewrite(c, "select id, phone from retailers",
                "update retailers set phone_sealed = ? where id = ?",
                (rs, u) -> set(u, vault.seal(number(rs, 2, "retailers")), rs.getString(1)));
        rewrite(c, "select id, customer_phone from orders",
                "update orders set customer_phone_sealed = ?, customer_phone_hash = ? where id = ?",
                (rs, u) -> {
                    PhoneNumber n = number(rs, 2, "orders");
                    set(u, vault.seal(n), hashes.of(n), rs.getString(1));
                });
        rewrite(c, "select session_id, position, real_number from parties",
                "update parties set real_number_sealed = ?, real_number_hash = ? where session_id = ? and position = ?",
                (rs, u) -> {
                    PhoneNumber n = number(rs, 3, "parties");
                    set(u, vault.seal(n), hashes.of(n), rs.getString(1), rs.getInt(2));
                });
        rewrite(c, "select real_number, masked_number from routes",
                "update routes set real_number_hash = ? where real_number = ? and masked_number = ?",
                (rs, u) -> set(u, hashes.of(number(rs, 1, "routes")), rs.getString(1), rs.getString(2)));
        rewrite(c, "select real_number, hub_number, order_code from hub_routes",
                "update hub_routes set real_number_hash = ? where real_number = ? and hub_number = ? and order_code = ?",
                (rs, u) -> set(u, hashes.of(number(rs, 1, "hub_routes")), rs.getString(1), rs.getString(2),
                        rs.getString(3)));
        rewrite(c, "select real_number, masked_number, counterpart_number from released_pairs",
                "update released_pairs set real_number_hash = ?, counterpart_hash = ? where real_number = ? and masked_number = ?",
                (rs, u) -> set(u, hashes.of(number(rs, 1, "released_pairs")), hashes.of(number(rs, 3, "released_pairs")),
                        rs.getString(1), rs.getString(2)));
        rekeyOpenSessions(c);
    }

    /** Open keys were digests of the plain numbers; they become digests of the keyed hashes. */
    private void rekeyOpenSessions(Connection c) throws SQLException {
        Map<String, String> references = new LinkedHashMap<>();
        Map<String, Map<String, String>> hashByRole = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                select s.id, s.reference, p.role, p.real_number from sessions s join parties p on p.session_id = s.id
                where s.open_key is not null order by s.id""")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    references.put(rs.getString(1), rs.getString(2));
                    hashByRole.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(3), hashes.of(number(rs, 4, "parties")));
                }
            }
        }
        try (PreparedStatement u = c.prepareStatement("update sessions set open_key = ? where id = ?")) {
            int pending = 0;
            for (var e : references.entrySet()) {
                set(u, OpenKeys.of(e.getValue(), hashByRole.get(e.getKey())), e.getKey());
                u.addBatch();
                if (++pending % BATCH == 0) {
                    u.executeBatch();
                }
            }
            u.executeBatch();
        }
    }

    private static void rewrite(Connection c, String select, String update, Row row) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(select); PreparedStatement u = c.prepareStatement(update)) {
            q.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.write(rs, u);
                    u.addBatch();
                    if (++pending % BATCH == 0) {
                        u.executeBatch();
                    }
                }
            }
            u.executeBatch();
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

    private static void set(PreparedStatement u, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            u.setObject(i + 1, values[i]);
        }
    }

    private interface Row {
        void write(ResultSet rs, PreparedStatement update) throws SQLException;
    }
}
