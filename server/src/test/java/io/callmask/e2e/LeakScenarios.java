package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.TestNumbers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;

/**
 * The privacy promise checked where it matters: after a full scenario over real HTTP (retailer and
 * order pushed, a masked call answered by both phones, a dial-in back, a stranger's dial-in, an
 * invalid number refused, the session closed), neither a dump of the database nor the log file
 * holds any real number used, in E.164 or national form. Subclasses give the database, the log
 * file ({@code logging.file.name}, with callmask's own loggers at DEBUG) and how to dump.
 */
abstract class LeakScenarios extends EndToEndTestBase {

    private static final java.util.Set<String> TERMINAL =
            java.util.Set.of("completed", "busy", "no-answer", "failed", "canceled");

    /**
     * Spring Boot configures logging once per JVM; undo that so this class's application configures
     * it again, with its log file (a fresh one).
     */
    @BeforeAll
    static void logToAFreshFile() throws Exception {
        LoggingSystem.get(LeakScenarios.class.getClassLoader()).cleanUp();
        System.clearProperty("LOG_FILE");
        for (String name : List.of("h2", "postgres")) {
            Files.deleteIfExists(Path.of("target/leak-test/" + name + ".log"));
        }
    }

    /** Writes a plain-text dump of the whole database to {@code file}. */
    abstract void dump(Path file) throws Exception;

    abstract String databaseName();

    abstract Path logFile();

    @Test
    void noRealNumberReachesTheDatabaseOrTheLog() throws Exception {
        String retailerPhone = phone("auto", 2.0);
        String customerPhone = phone("auto", 2.0);
        String stranger = phone("auto", null);
        String invalid = "+915555512345"; // not a valid Indian number: refused
        String orderId = "o-leak-" + System.nanoTime() % 1_000_000;

        assertThat(api.put("/v1/retailers/r-leak", """
                {"name":"Leak test shop","phone":"%s"}""".formatted(retailerPhone)).status()).isIn(200, 201);
        assertThat(api.put("/v1/orders/" + orderId, """
                {"retailerId":"r-leak","customerPhone":"%s","status":"placed"}""".formatted(customerPhone)).status())
                .isEqualTo(201);
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"r-leak"}""".formatted(orderId));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String callId = placed.json().get("callId").asString();
        // Whatever the phones' timing on a busy machine, the call ends: that is all this test needs.
        await().atMost(Duration.ofSeconds(60)).until(() -> TERMINAL.contains(
                api.get("/v1/calls/" + callId).json().get("status").asString()));
        String sessionId = placed.json().get("sessionId").asString();
        JsonNode session = api.get("/v1/sessions/" + sessionId).json();

        dial(customerPhone, masked(session, "customer"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/v1/sessions/" + sessionId + "/calls").json().size() == 2);
        dial(stranger, masked(session, "customer"));
        await().atMost(Duration.ofSeconds(60)).until(() -> callsSeenBy(stranger).stream()
                .anyMatch(c -> c.get("status").asString().equals("completed")));
        var refused = api.put("/v1/orders/o-leak-bad", """
                {"retailerId":"r-leak","customerPhone":"%s","status":"placed"}""".formatted(invalid));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(invalid).doesNotContain(invalid.substring(3));
        assertThat(api.post("/v1/sessions/" + sessionId + "/close", "").status()).isEqualTo(200);

        List<String> numbers = List.of(retailerPhone, customerPhone, stranger, invalid);
        Path dumpFile = logFile().resolveSibling(databaseName() + "-dump.sql");
        Files.deleteIfExists(dumpFile);
        dump(dumpFile);
        String dumped = Files.readString(dumpFile, StandardCharsets.UTF_8);
        String logged = Files.readString(logFile(), StandardCharsets.UTF_8);
        assertThat(dumped).contains(sessionId).contains(orderId);
        assertThat(logged).contains("Started ");

        List<String> hits = new ArrayList<>();
        for (String number : numbers) {
            for (String form : forms(number)) {
                if (dumped.contains(form)) {
                    hits.add("db dump: " + form);
                }
                if (logged.contains(form)) {
                    hits.add("log: " + form);
                }
            }
        }
        System.out.printf(Locale.ROOT, "leak-test %s: %d numbers, %d forms each, db dump %d KB, log %d KB, %d hits%n",
                databaseName(), numbers.size(), forms(retailerPhone).size(), Files.size(dumpFile) / 1024,
                Files.size(logFile()) / 1024, hits.size());
        assertThat(hits).isEmpty();
    }

    /** E.164, the national digits, and the national digits as written in India (5 + 5). */
    private static List<String> forms(String e164) {
        String national = e164.substring(3);
        return List.of(e164, national, national.substring(0, 5) + " " + national.substring(5));
    }

    @Test
    void theFormsCoverTheUsualWaysToWriteANumber() {
        String number = TestNumbers.mobile();
        assertThat(forms(number)).containsExactly(number, number.substring(3),
                number.substring(3, 8) + " " + number.substring(8));
    }
}
