package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.App;
import io.callmask.support.Http;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running instance: API requests get 503 with Retry-After (not an
 * internal error), a caller hears a polite message, nothing half-done is left, and the same requests
 * work once it is back.
 */
class PostgresOutageIT {

    private static App app;
    private static Http api;
    private static String url;

    @BeforeAll
    static void start() {
        url = PostgresDatabase.create();
        List<String> settings = new ArrayList<>(App.postgres(url));
        // fail fast while the database is away, instead of Hikari's 30 s wait
        settings.add("--spring.datasource.hikari.connection-timeout=1000");
        settings.add("--callmask.data-dir=target/it-data/outage");
        settings.add("--callmask.metrics.keys=outage-metrics-key");
        app = App.start(null, settings.toArray(String[]::new));
        api = app.api;
    }

    @AfterAll
    static void stop() throws Exception {
        allowConnections(true);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void withoutTheDatabaseTheApiSays503AndChangesNothing() throws Exception {
        String phone = TestNumbers.mobile();
        assertThat(api.put("/v1/retailers/r-outage", "{\"name\":\"Before\",\"phone\":\"" + phone + "\"}").status())
                .isEqualTo(201);

        allowConnections(false);
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/v1/retailers/r-outage"))
                .header("Authorization", "Bearer " + App.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).contains("5");
        assertThat(read.body()).contains("urn:callmask:problem:database-unavailable").doesNotContain("jdbc:");
        Http.Response write = api.put("/v1/retailers/r-outage", "{\"name\":\"During\",\"phone\":\"" + phone + "\"}");
        assertThat(write.status()).as(write.body()).isEqualTo(503);
        // A person dialling in hears why, instead of the carrier's "application error".
        Map<String, String> dialIn = Map.of("CallSid", "CA" + "9".repeat(32), "AccountSid", "AC" + "0".repeat(32),
                "From", phone, "To", "+918047180001", "CallStatus", "ringing", "Direction", "inbound");
        Http.Response spoken = api.postForm("/webhooks/twilio/voice", dialIn,
                TwilioSigner.sign(App.AUTH_TOKEN, api.base() + "/webhooks/twilio/voice", dialIn));
        assertThat(spoken.status()).isEqualTo(200);
        assertThat(spoken.body()).contains("<Say>Sorry, we cannot connect your call right now.").contains("<Hangup/>")
                .doesNotContain(phone);
        // and the operator's dashboard counts it as a voice webhook refused for that reason
        assertThat(new Http(api.base(), "outage-metrics-key").get("/actuator/prometheus").body()).contains(
                "callmask_webhook_seconds_count{application=\"callmask\",carrier=\"twilio\",outcome=\"refused\","
                        + "reason=\"database-unavailable\",webhook=\"voice\"} 1\n");

        allowConnections(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/retailers/r-outage").status() == 200);
        assertThat(api.get("/v1/retailers/r-outage").json().get("name").asString()).isEqualTo("Before");
    }

    private static void allowConnections(boolean allow) throws Exception {
        PostgresDatabase.allowConnections(url, allow);
    }
}
