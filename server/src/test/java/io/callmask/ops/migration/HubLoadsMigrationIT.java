package io.callmask.ops.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.privacy.CryptoProperties;
import io.callmask.core.privacy.NumberKeys;
import io.callmask.core.privacy.NumberVault;
import io.callmask.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V13 on a database that already has parties on hubs: each party's count of open hub sessions
 * starts at the number of its hub routes, so the threshold and order-code lengths carry on as before.
 */
class HubLoadsMigrationIT {

    private static final String HUB = "+918047180099";
    private static final String OTHER_HUB = "+918047180098";

    @Test
    void anH2DatabaseOfV12CountsEachPartysHubSessions() throws Exception {
        upgradeAndCheck("jdbc:h2:file:./target/it-data/hub-loads-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE", "sa");
    }

    @Test
    void aPostgresDatabaseOfV12CountsEachPartysHubSessions() throws Exception {
        upgradeAndCheck(PostgresDatabase.create(), PostgresDatabase.USER);
    }

    private void upgradeAndCheck(String url, String user) throws Exception {
        flyway(url, user).target("12").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < 4; i++) {
                exec(c, """
                        insert into sessions (id, reference, status, created_at, expires_at, order_code)
                        values (?, ?, 'open', ?, ?, ?)""", "ses_" + i, "o-" + i, now, now.plusHours(1), "100" + i);
            }
            // hash-a: three hub sessions on two hubs; hash-b: one; hash-c: none.
            hubRoute(c, "hash-a", HUB, "1000", "ses_0");
            hubRoute(c, "hash-a", HUB, "1001", "ses_1");
            hubRoute(c, "hash-a", OTHER_HUB, "1002", "ses_2");
            hubRoute(c, "hash-b", HUB, "1003", "ses_3");
        }

        flyway(url, user).load().migrate();

        Map<String, Integer> loads = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                ResultSet rs = c.createStatement().executeQuery("select real_number_hash, open_sessions from hub_loads")) {
            while (rs.next()) {
                loads.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(loads).isEqualTo(Map.of("hash-a", 3, "hash-b", 1));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user) {
        String key = NumberKeys.newKey(32);
        NumberVault vault = new NumberVault(NumberKeys.of(new CryptoProperties(Map.of("k1", key), "k1", key)));
        return Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .javaMigrations(new SealNumbersMigration(vault, number -> "unused: the tables are empty at V7"));
    }

    private static void hubRoute(Connection c, String hash, String hub, String code, String session) throws Exception {
        exec(c, "insert into hub_routes (real_number_hash, hub_number, order_code, session_id, position) values (?, ?, ?, ?, 0)",
                hash, hub, code, session);
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
