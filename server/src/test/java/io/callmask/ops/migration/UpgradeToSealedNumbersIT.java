package io.callmask.ops.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberKeys;
import io.callmask.core.privacy.NumberVault;
import io.callmask.support.App;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database made by V1-V6 with plaintext numbers, as an existing installation has it, upgraded in
 * place by starting the new version: every number comes out sealed or hashed, and the open session
 * still routes and is still found again by a repeated create.
 */
class UpgradeToSealedNumbersIT {

    private static final String RETAILER_MASKED = "+918047180001";
    private static final String CUSTOMER_MASKED = "+918047180002";
    /** Sessions beyond the one above: parties and open keys span several of the migration's batches. */
    private static final int BULK = 1_300;

    private List<String[]> bulk;

    @Test
    void anH2DatabaseOfV6IsSealedInPlace() throws Exception {
        String url = "jdbc:h2:file:./target/it-data/upgrade-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";
        upgradeAndCheck(url, "sa", List.of("--spring.datasource.url=" + url));
    }

    @Test
    void aPostgresDatabaseOfV6IsSealedInPlace() throws Exception {
        String url = PostgresDatabase.create();
        upgradeAndCheck(url, PostgresDatabase.USER, App.postgres(url));
    }

    private void upgradeAndCheck(String url, String user, List<String> datasource) throws Exception {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("6").load().migrate();
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        String stranger = TestNumbers.mobile();
        String reference = "o-upgrade";
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            exec(c, "insert into pool_numbers (number, carrier, region, state, created_at) values (?, 'twilio', 'IN', 'active', ?)",
                    RETAILER_MASKED, now);
            exec(c, "insert into pool_numbers (number, carrier, region, state, created_at) values (?, 'twilio', 'IN', 'active', ?)",
                    CUSTOMER_MASKED, now);
            exec(c, "insert into retailers (id, name, phone, created_at, updated_at) values ('r1', 'Old shop', ?, ?, ?)",
                    retailer, now, now);
            exec(c, """
                    insert into orders (id, retailer_id, customer_id, customer_phone, status, created_at, updated_at)
                    values (?, 'r1', 'c1', ?, 'placed', ?, ?)""", reference, customer, now, now);
            exec(c, """
                    insert into sessions (id, reference, status, open_key, created_at, expires_at, order_code)
                    values ('ses_old', ?, 'open', ?, ?, ?, '1234')""",
                    reference, v6OpenKey(reference, retailer, customer), now, now.plusHours(2));
            exec(c, """
                    insert into parties (session_id, position, role, external_id, real_number, masked_number)
                    values ('ses_old', 0, 'retailer', 'r1', ?, ?), ('ses_old', 1, 'customer', 'c1', ?, ?)""",
                    retailer, RETAILER_MASKED, customer, CUSTOMER_MASKED);
            exec(c, """
                    insert into routes (real_number, masked_number, session_id, position)
                    values (?, ?, 'ses_old', 0), (?, ?, 'ses_old', 1)""",
                    retailer, RETAILER_MASKED, customer, CUSTOMER_MASKED);
            exec(c, """
                    insert into released_pairs (real_number, masked_number, counterpart_number, released_at)
                    values (?, ?, ?, ?)""", stranger, CUSTOMER_MASKED, retailer, now.minusDays(1));
            bulk = bulkSessions(c, now);
        }

        List<String> args = new ArrayList<>(datasource);
        args.add("--callmask.data-dir=target/it-data/upgrade-" + UUID.randomUUID());
        args.addAll(App.keys(Map.of("k1", NumberKeys.newKey(32)), "k1", NumberKeys.newKey(32)));
        try (App app = App.start(null, args.toArray(String[]::new))) {
            JdbcClient jdbc = app.jdbc();
            NumberVault vault = app.bean(NumberVault.class);
            NumberHashes hashes = app.bean(NumberHashes.class);
            String retailerHash = hashes.of(PhoneNumber.ofE164(retailer));
            String customerHash = hashes.of(PhoneNumber.ofE164(customer));

            String sealedPhone = jdbc.sql("select phone_sealed from retailers where id = 'r1'").query(String.class).single();
            assertThat(sealedPhone).startsWith("k1:");
            assertThat(vault.open(sealedPhone).e164()).isEqualTo(retailer);
            var order = jdbc.sql("select customer_phone_sealed, customer_phone_hash from orders where id = ?")
                    .param(reference).query().singleRow();
            assertThat(vault.open((String) order.get("customer_phone_sealed")).e164()).isEqualTo(customer);
            assertThat(order.get("customer_phone_hash")).isEqualTo(customerHash);
            assertThat(jdbc.sql("select real_number_hash from parties where session_id = 'ses_old' order by position")
                    .query(String.class).list()).containsExactly(retailerHash, customerHash);
            assertThat(jdbc.sql("select real_number_hash from routes where session_id = 'ses_old' order by position")
                    .query(String.class).list())
                    .containsExactly(retailerHash, customerHash);
            assertThat(jdbc.sql("select real_number_hash, counterpart_hash from released_pairs").query().singleRow())
                    .containsValues(hashes.of(PhoneNumber.ofE164(stranger)), retailerHash);
            assertThat(columns(jdbc, "retailers")).contains("phone_sealed").doesNotContain("phone");
            assertThat(columns(jdbc, "parties")).doesNotContain("real_number");
            assertThat(columns(jdbc, "routes")).doesNotContain("real_number");
            assertThat(columns(jdbc, "released_pairs")).doesNotContain("real_number", "counterpart_number");

            // The open session still routes both ways and dials the other party's real number.
            var dialIn = app.voice(customer, CUSTOMER_MASKED, "CA" + "7".repeat(32));
            assertThat(dialIn.body()).contains("callerId=\"" + RETAILER_MASKED + "\"").contains(">" + retailer + "</Number>");
            var stranger1 = app.voice(stranger, CUSTOMER_MASKED, "CA" + "8".repeat(32));
            assertThat(stranger1.body()).doesNotContain("<Dial");
            // A repeated create finds it: its open key was rebuilt from the keyed hashes.
            var again = app.api.post("/v1/sessions", """
                    {"reference":"%s","parties":[{"role":"retailer","id":"r1","number":"%s"},
                     {"role":"customer","id":"c1","number":"%s"}]}""".formatted(reference, retailer, customer));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("id").asString()).isEqualTo("ses_old");

            // Many batches: every row rewritten, and the last session (the cursor's last batch) found again.
            assertThat(jdbc.sql("select count(*) from parties where real_number_sealed is null or real_number_hash is null")
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from routes where real_number_hash is null").query(Integer.class)
                    .single()).isZero();
            String[] last = bulk.get(bulk.size() - 1);
            var lastAgain = app.api.post("/v1/sessions", """
                    {"reference":"%s","parties":[{"role":"retailer","id":"r1","number":"%s"},
                     {"role":"customer","id":"c1","number":"%s"}]}""".formatted(last[1], last[2], last[3]));
            assertThat(lastAgain.status()).as(lastAgain.body()).isEqualTo(200);
            assertThat(lastAgain.json().get("id").asString()).isEqualTo(last[0]);
            String[] middle = bulk.get(BULK / 2);
            assertThat(app.voice(middle[3], CUSTOMER_MASKED, "CA" + "6".repeat(32)).body())
                    .contains(">" + middle[2] + "</Number>");
        }
    }

    /** More open sessions than the migration writes in one batch: {id, reference, retailer, customer} each. */
    private static List<String[]> bulkSessions(Connection c, OffsetDateTime now) throws Exception {
        List<String[]> sessions = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            sessions.add(new String[] {"ses_bulk_%05d".formatted(i), "o-bulk-" + i, TestNumbers.mobile(),
                    TestNumbers.mobile()});
        }
        try (var session = c.prepareStatement("""
                        insert into sessions (id, reference, status, open_key, created_at, expires_at, order_code)
                        values (?, ?, 'open', ?, ?, ?, ?)""");
                var party = c.prepareStatement("""
                        insert into parties (session_id, position, role, external_id, real_number, masked_number)
                        values (?, ?, ?, ?, ?, ?)""");
                var route = c.prepareStatement(
                        "insert into routes (real_number, masked_number, session_id, position) values (?, ?, ?, ?)")) {
            for (String[] s : sessions) {
                set(session, s[0], s[1], v6OpenKey(s[1], s[2], s[3]), now, now.plusHours(2), "%04d".formatted(1));
                session.addBatch();
                set(party, s[0], 0, "retailer", "r1", s[2], RETAILER_MASKED);
                party.addBatch();
                set(party, s[0], 1, "customer", "c1", s[3], CUSTOMER_MASKED);
                party.addBatch();
                set(route, s[2], RETAILER_MASKED, s[0], 0);
                route.addBatch();
                set(route, s[3], CUSTOMER_MASKED, s[0], 1);
                route.addBatch();
            }
            session.executeBatch();
            party.executeBatch();
            route.executeBatch();
        }
        return sessions;
    }

    private static void set(java.sql.PreparedStatement statement, Object... params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private static List<String> columns(JdbcClient jdbc, String table) {
        return jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = ?")
                .param(table).query(String.class).list();
    }

    /** The open key as V1-V6 computed it: SHA-256 over the reference, roles and plain numbers. */
    private static String v6OpenKey(String reference, String retailer, String customer) throws Exception {
        String key = reference + '\0' + "customer" + '\0' + customer + '\0' + "retailer" + '\0' + retailer;
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static void exec(Connection c, String sql, Object... params) throws Exception {
        try (var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }
}
