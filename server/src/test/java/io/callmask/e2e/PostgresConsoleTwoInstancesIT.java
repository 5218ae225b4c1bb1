package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.App;
import io.callmask.support.Console;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database: an operator watching the live page on instance B sees
 * a call placed through instance A, and its status as the call goes on. Nothing but the database
 * connects the two instances.
 */
class PostgresConsoleTwoInstancesIT {

    private static final String OPERATOR_KEY = "two-operator-key";
    private static App a;
    private static App b;

    @BeforeAll
    static void startTwoInstances() {
        List<App> cluster = App.postgresCluster(2, null, "console-two", "--callmask.operator-keys=" + OPERATOR_KEY);
        a = cluster.get(0);
        b = cluster.get(1);
    }

    @AfterAll
    static void stop() {
        for (App app : new App[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aWatcherOnInstanceBSeesACallPlacedThroughInstanceA() throws Exception {
        Console onB = new Console(b.api.base());
        assertThat(onB.signIn(OPERATOR_KEY).status()).isEqualTo(302);
        BlockingQueue<String> lines = Console.queue();
        onB.stream(lines);
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> drain(lines, seen).stream().anyMatch(l -> l.startsWith("data:")));

        String retailerPhone = phone(a.phones, "auto", null);
        String customerPhone = phone(a.phones, "auto", 2.0);
        String retailer = "r-" + retailerPhone.substring(4);
        assertThat(a.api.put("/v1/retailers/" + retailer, """
                {"name":"Two","phone":"%s"}""".formatted(retailerPhone)).status()).isIn(200, 201);
        String order = "o-two-" + System.nanoTime();
        assertThat(a.api.put("/v1/orders/" + order, """
                {"retailerId":"%s","customerPhone":"%s","status":"accepted"}"""
                .formatted(retailer, customerPhone)).status()).isIn(200, 201);
        var placed = a.api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String callId = placed.json().get("callId").asString();

        // B never handled this call: what it shows came from the shared database.
        await().atMost(Duration.ofSeconds(20)).until(() -> drain(lines, seen).stream().anyMatch(l ->
                l.contains("id=\"call-" + callId + "\"")));
        await().atMost(Duration.ofSeconds(30)).until(() -> drain(lines, seen).stream().anyMatch(l ->
                l.contains("id=\"call-" + callId + "\" data-status=\"completed\"")));
        String last = seen.stream().filter(l -> l.contains("call-" + callId)).reduce((x, y) -> y).orElseThrow();
        assertThat(last).contains(order, retailer).doesNotContain(retailerPhone, customerPhone,
                retailerPhone.substring(1), customerPhone.substring(1));
        assertThat(seen).allMatch(l -> l.isEmpty() || l.startsWith("status:") || l.startsWith("event:")
                || l.startsWith("data:") || l.equals(":heartbeat"));
    }

    private static List<String> drain(BlockingQueue<String> lines, List<String> seen) {
        lines.drainTo(seen);
        return seen;
    }

    private static String phone(Http emulator, String mode, Double hangupAfterSeconds) {
        String number = TestNumbers.mobile();
        var r = emulator.put("/emulator/phones/" + Http.enc(number), """
                {"answer":"%s","answerAfterSeconds":1,"hangupAfterSeconds":%s,"pendingDigits":null}"""
                .formatted(mode, hangupAfterSeconds));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return number;
    }
}
