package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.retention.RetentionJob;
import io.callmask.core.storage.SqlTime;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The retention job purges the real numbers of sessions that ended more than
 * {@code callmask.retention.after} ago (7 days here) and of closed orders, keeps everything else,
 * and keeps the metadata. Each subclass has a database of its own: the job reaches every row.
 */
@TestPropertySource(properties = "callmask.retention.after=7d")
abstract class RetentionScenarios extends EndToEndTestBase {

    @Autowired
    RetentionJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NumberHashes hashes;

    @Test
    void numbersOfLongEndedSessionsAndClosedOrdersArePurgedAndTheRestStays() {
        String retailerPhone = TestNumbers.mobile();
        String oldCustomer = TestNumbers.mobile();
        String openCustomer = TestNumbers.mobile();
        String recentCustomer = TestNumbers.mobile();
        assertThat(api.put("/v1/retailers/r-ret", """
                {"name":"Retention shop","phone":"%s"}""".formatted(retailerPhone)).status()).isIn(200, 201);
        putOrder("o-old", oldCustomer, "placed");
        String old = session("o-old", retailerPhone, oldCustomer).get("id").asString();
        putOrder("o-old", oldCustomer, "delivered");
        putOrder("o-open", openCustomer, "placed");
        JsonNode open = session("o-open", retailerPhone, openCustomer, 20 * 24 * 3600);

        clock.advance(Duration.ofDays(8));
        putOrder("o-recent", recentCustomer, "placed");
        String recent = session("o-recent", retailerPhone, recentCustomer).get("id").asString();
        putOrder("o-recent", recentCustomer, "cancelled");

        // Released pairs older than the cut-off: the old session's (the retailer's may since have been replaced).
        int oldReleases = jdbc.sql("select count(*) from released_pairs where released_at < ?")
                .param(SqlTime.of(clock.instant().minus(Duration.ofDays(7)))).query(Integer.class).single();
        assertThat(oldReleases).isBetween(1, 2);

        var ran = job.runOnce();

        // The old session's 2 parties, the delivered order's phone, and those released pairs; it had no recordings.
        assertThat(ran).contains(Map.of("numbers", 2 + 1 + oldReleases, "recordings", 0));
        assertThat(sealedNumbers(old)).containsOnlyNulls().hasSize(2);
        assertThat(sealedNumbers(open.get("id").asString())).doesNotContainNull().hasSize(2);
        assertThat(sealedNumbers(recent)).doesNotContainNull().hasSize(2);
        assertThat(jdbc.sql("select count(*) from parties where session_id = ? and real_number_hash is not null")
                .param(old).query(Integer.class).single()).isEqualTo(2);
        assertThat(orderPhone("o-old")).isNull();
        assertThat(orderPhone("o-open")).isNotNull();
        assertThat(orderPhone("o-recent")).isNotNull();
        assertThat(releasedPairsOf(oldCustomer)).isZero();
        assertThat(releasedPairsOf(recentCustomer)).isEqualTo(1);

        // Over HTTP: the metadata stays, the purged phone is left out, the open session still routes.
        JsonNode oldSession = api.get("/v1/sessions/" + old).json();
        assertThat(oldSession.get("status").asString()).isEqualTo("closed");
        assertThat(oldSession.get("parties").get(1).get("maskedNumber").asString()).startsWith("+91");
        JsonNode oldOrder = api.get("/v1/orders/o-old").json();
        assertThat(oldOrder.get("status").asString()).isEqualTo("delivered");
        assertThat(oldOrder.has("customerPhone")).isFalse();
        var dialIn = voice(openCustomer, masked(open, "customer"), "CA" + "6".repeat(32));
        assertThat(dialIn.body()).contains(">" + retailerPhone + "</Number>");

        // Once per interval across the cluster: the lock row stays taken after the run.
        assertThat(job.runOnce()).isEmpty();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'retention'").query(Integer.class).single())
                .isEqualTo(1);
    }

    private void putOrder(String id, String customerPhone, String status) {
        var r = api.put("/v1/orders/" + id, """
                {"retailerId":"r-ret","customerPhone":"%s","status":"%s"}""".formatted(customerPhone, status));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private java.util.List<String> sealedNumbers(String sessionId) {
        return jdbc.sql("select real_number_sealed from parties where session_id = ?").param(sessionId)
                .query((rs, n) -> rs.getString(1)).list();
    }

    private String orderPhone(String id) {
        return jdbc.sql("select customer_phone_sealed from orders where id = ?").param(id)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private int releasedPairsOf(String number) {
        return jdbc.sql("select count(*) from released_pairs where real_number_hash = ?")
                .param(hashes.of(PhoneNumber.ofE164(number))).query(Integer.class).single();
    }
}
