package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.App;
import io.callmask.support.Http;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No status lost while the database is away: the end of a bridged call is reported while PostgreSQL refuses
 * connections; callmask acknowledges the reports (so a carrier that does not retry loses nothing), keeps them on
 * local disk, says so in its readiness probe and metrics, and applies them once the database is back, even
 * through a restart of the instance in between. The call then has its real end time and duration.
 */
class PostgresStatusJournalIT {

    private static final String METRICS_KEY = "it-metrics-key";
    private static final Pattern CALL_ID = Pattern.compile("call=(call_[0-9a-f]+)");

    private final List<App> apps = new ArrayList<>();
    private String url;

    @AfterEach
    void stop() throws Exception {
        allowConnections(true);
        apps.forEach(App::close);
    }

    @Test
    void reportsTakenWhileTheDatabaseIsAwayAreAppliedAfterItComesBackEvenAcrossARestart() throws Exception {
        url = PostgresDatabase.create();
        Path dataDir = Path.of("target/it-data/journal-" + System.nanoTime());
        App app = start(dataDir);

        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        JsonNode session = app.api.post("/v1/sessions", """
                {"reference":"journal-%s","parties":[{"role":"retailer","id":"r-j","number":"%s"},
                  {"role":"customer","id":"c-j","number":"%s"}]}""".formatted(System.nanoTime(), retailer, customer))
                .json();
        String masked = session.get("parties").get(1).get("maskedNumber").asString();
        Http.Response bridged = app.voice(customer, masked, "CA" + "1".repeat(32));
        assertThat(bridged.body()).contains("<Dial").contains("#rc=3&amp;rp=5xx,ct,rt");
        Matcher id = CALL_ID.matcher(bridged.body());
        assertThat(id.find()).isTrue();
        String callId = id.group(1);
        String calleeLeg = "CA" + "2".repeat(32);
        assertThat(app.calleeStatus(callId, calleeLeg, "in-progress", null).status()).isEqualTo(204);

        allowConnections(false);
        Instant away = Instant.now();
        assertThat(app.calleeStatus(callId, calleeLeg, "completed", 42).status())
                .as("acknowledged: the report is on disk").isEqualTo(204);
        Map<String, String> dialed = Map.of("CallSid", "CA" + "1".repeat(32), "DialCallStatus", "completed",
                "DialCallSid", calleeLeg, "DialCallDuration", "42");
        Http.Response ended = signed(app, "/webhooks/twilio/dial-complete?call=" + callId, dialed);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body()).contains("<Hangup/>");
        Instant reported = Instant.now();

        Http anonymous = new Http(app.api.base(), null);
        assertThat(anonymous.get("/actuator/health/readiness").status()).as("not ready without its database")
                .isEqualTo(503);
        assertThat(anonymous.get("/actuator/health/liveness").status()).as("but alive").isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = new Http(app.api.base(), METRICS_KEY).get("/actuator/prometheus").body();
            assertThat(metrics).contains("callmask_database_up{application=\"callmask\"} 0.0")
                    .contains("callmask_status_journal_pending{application=\"callmask\"} 2.0")
                    .contains("callmask_status_journal_total{application=\"callmask\",outcome=\"journaled\"} 2.0");
        });
        String journal = Files.readString(dataDir.resolve("journal/reports.log"), StandardCharsets.UTF_8);
        assertThat(journal.lines()).hasSize(2).allMatch(l -> l.contains(callId) && l.contains(calleeLeg));
        assertThat(journal).doesNotContain(customer.substring(1), retailer.substring(1));

        // The instance stops before the database is back; the next start still has the reports.
        app.close();
        apps.remove(app);
        allowConnections(true);
        App next = start(dataDir);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode call = next.api.get("/v1/calls/" + callId).json();
            assertThat(call.get("status").asString()).isEqualTo("completed");
            JsonNode callee = null;
            for (JsonNode leg : call.get("legs")) {
                if (leg.get("role").asString().equals("callee")) {
                    callee = leg;
                }
            }
            assertThat(callee).isNotNull();
            assertThat(callee.get("durationSeconds").asInt()).isEqualTo(42);
            assertThat(Instant.parse(callee.get("endedAt").asString())).as("the time it was reported, not applied")
                    .isBetween(away.minusSeconds(1), reported.plusSeconds(1));
        });
        assertThat(Files.readString(dataDir.resolve("journal/reports.log"))).isEmpty();
        assertThat(new Http(next.api.base(), METRICS_KEY).get("/actuator/prometheus").body())
                .contains("callmask_status_journal_total{application=\"callmask\",outcome=\"applied\"} 2.0")
                .contains("callmask_status_journal_pending{application=\"callmask\"} 0.0");
        assertThat(next.jdbc().sql("select count(*) from leg_events where carrier_sid = ?").param(calleeLeg)
                .query(Integer.class).single()).as("in-progress, completed, and the dial's end").isEqualTo(3);
    }

    private App start(Path dataDir) {
        List<String> settings = new ArrayList<>(App.postgres(url));
        settings.add("--callmask.data-dir=" + dataDir);
        settings.add("--callmask.metrics.keys=" + METRICS_KEY);
        settings.add("--callmask.calls.journal-replay-interval=300ms");
        settings.add("--callmask.database-check-interval=200ms");
        App app = App.start(null, settings.toArray(String[]::new));
        apps.add(app);
        return app;
    }

    private static Http.Response signed(App app, String pathAndQuery, Map<String, String> params) {
        return app.api.postForm(pathAndQuery, params,
                TwilioSigner.sign(App.AUTH_TOKEN, app.api.base() + pathAndQuery, params));
    }

    private void allowConnections(boolean allow) throws Exception {
        if (url != null) {
            PostgresDatabase.allowConnections(url, allow);
        }
    }
}
