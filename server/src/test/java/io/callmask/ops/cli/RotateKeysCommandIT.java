package io.callmask.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.privacy.NumberKeys;
import io.callmask.support.App;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Key rotation end to end: numbers sealed under k1, k2 made active, {@code rotate-keys} run as the
 * jar runs it, then an instance without k1 still routes and dials; on H2 and PostgreSQL.
 */
class RotateKeysCommandIT {

    private static final String K1 = NumberKeys.newKey(32);
    private static final String K2 = NumberKeys.newKey(32);
    private static final String LOOKUP = NumberKeys.newKey(32);

    @Test
    void rotatesAnH2Database() {
        String url = "jdbc:h2:file:./target/it-data/rotate-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";
        rotateAndServe(List.of("--spring.datasource.url=" + url));
    }

    @Test
    void rotatesAPostgresDatabase() {
        rotateAndServe(App.postgres(PostgresDatabase.create()));
    }

    private void rotateAndServe(List<String> datasource) {
        String dataDir = "--callmask.data-dir=target/it-data/rotate-" + UUID.randomUUID();
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        String sessionId;
        String retailerMasked;
        String customerMasked;
        try (App app = App.start(null, args(datasource, dataDir, App.keys(Map.of("k1", K1), "k1", LOOKUP)))) {
            assertThat(app.api.put("/v1/retailers/r-rot", """
                    {"name":"Rotating shop","phone":"%s"}""".formatted(retailer)).status()).isEqualTo(201);
            assertThat(app.api.put("/v1/orders/o-rot", """
                    {"retailerId":"r-rot","customerPhone":"%s","status":"placed"}""".formatted(customer)).status())
                    .isEqualTo(201);
            JsonNode session = app.api.post("/v1/sessions", """
                    {"reference":"o-rot","parties":[{"role":"retailer","number":"%s"},{"role":"customer","number":"%s"}]}"""
                    .formatted(retailer, customer)).json();
            sessionId = session.get("id").asString();
            retailerMasked = session.get("parties").get(0).get("maskedNumber").asString();
            customerMasked = session.get("parties").get(1).get("maskedNumber").asString();
            assertThat(sealedValues(app.jdbc())).hasSize(4).allSatisfy(v -> assertThat(v).startsWith("k1:"));
        }

        List<String> rotateArgs = new ArrayList<>(List.of("rotate-keys", "--batch-size=2"));
        rotateArgs.addAll(List.of(args(datasource, dataDir, App.keys(Map.of("k1", K1, "k2", K2), "k2", LOOKUP))));
        Result first = run(rotateArgs);
        Result second = run(rotateArgs);

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("rotate-keys: sealing under key 'k2'",
                "retailers.phone_sealed: 1 re-sealed, 0 already under the active key",
                "orders.customer_phone_sealed: 1 re-sealed, 0 already under the active key",
                "parties.real_number_sealed: 2 re-sealed, 0 already under the active key",
                "rotate-keys: done, 4 value(s) re-sealed");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("parties.real_number_sealed: 0 re-sealed, 2 already under the active key",
                "rotate-keys: done, 0 value(s) re-sealed");
        assertThat(first.out() + first.err()).doesNotContain(K1).doesNotContain(K2).doesNotContain(retailer);

        try (App app = App.start(null, args(datasource, dataDir, App.keys(Map.of("k2", K2), "k2", LOOKUP)))) {
            assertThat(sealedValues(app.jdbc())).hasSize(4).allSatisfy(v -> assertThat(v).startsWith("k2:"));
            var dialIn = app.voice(customer, customerMasked, "CA" + "9".repeat(32));
            assertThat(dialIn.body()).contains("callerId=\"" + retailerMasked + "\"").contains(">" + retailer + "</Number>");
            assertThat(app.api.get("/v1/orders/o-rot").json().get("customerPhone").asString()).isEqualTo(customer);
            assertThat(app.api.get("/v1/retailers/r-rot").json().get("phone").asString()).isEqualTo(retailer);
            assertThat(app.api.get("/v1/sessions/" + sessionId).json().get("status").asString()).isEqualTo("open");
        }
    }

    private static String[] args(List<String> datasource, String dataDir, List<String> keys) {
        List<String> all = new ArrayList<>(datasource);
        all.add(dataDir);
        all.addAll(keys);
        return all.toArray(String[]::new);
    }

    private static List<String> sealedValues(JdbcClient jdbc) {
        List<String> values = new ArrayList<>(jdbc.sql("select phone_sealed from retailers where id = 'r-rot'")
                .query(String.class).list());
        values.addAll(jdbc.sql("select customer_phone_sealed from orders where id = 'o-rot'").query(String.class).list());
        values.addAll(jdbc.sql("select real_number_sealed from parties p join sessions s on s.id = p.session_id"
                + " where s.reference = 'o-rot'").query(String.class).list());
        return values;
    }

    private static Result run(List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Commands.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), io.callmask.CallmaskApplication.class);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
