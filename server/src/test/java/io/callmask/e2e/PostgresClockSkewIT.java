package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.App;
import io.callmask.support.Http;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two instances whose clocks are 90 s apart, on one database: a call answered by one and reported to the other
 * (both ways round) is recorded complete and correct, its duration the carrier's; a retailer token one instance
 * mints is accepted by the other only within {@code callmask.tokens.clock-skew}, which is why operators must keep
 * clocks in step (NTP) or raise that tolerance, as docs/operations.md says.
 */
class PostgresClockSkewIT {

    private static final Pattern CALL_ID = Pattern.compile("call=(call_[0-9a-f]+)");
    private static List<App> cluster;

    @BeforeAll
    static void start() {
        MutableClock ahead = new MutableClock();
        ahead.advance(Duration.ofSeconds(90));
        cluster = App.postgresCluster(Arrays.asList((Clock) null, ahead), "skew");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.forEach(App::close);
        }
    }

    @Test
    void aCallAnsweredByOneAndReportedToTheOtherIsCompleteEitherWayRound() {
        for (int[] order : new int[][] {{0, 1}, {1, 0}}) {
            App answers = cluster.get(order[0]);
            App reports = cluster.get(order[1]);
            String customer = TestNumbers.mobile();
            JsonNode session = answers.api.post("/v1/sessions", """
                    {"reference":"skew-%s","parties":[{"role":"retailer","id":"r-s","number":"%s"},
                      {"role":"customer","id":"c-s","number":"%s"}]}""".formatted(System.nanoTime(),
                    TestNumbers.mobile(), customer)).json();
            String masked = session.get("parties").get(1).get("maskedNumber").asString();
            Http.Response bridged = reports.voice(customer, masked, sid());
            Matcher id = CALL_ID.matcher(bridged.body());
            assertThat(id.find()).as("a session made on one instance routes on the other: " + bridged.body()).isTrue();
            String callId = id.group(1);
            String leg = sid();
            assertThat(answers.calleeStatus(callId, leg, "in-progress", null).status()).isEqualTo(204);
            assertThat(reports.calleeStatus(callId, leg, "completed", 40).status()).isEqualTo(204);

            JsonNode call = answers.api.get("/v1/calls/" + callId).json();
            assertThat(call.get("status").asString()).isEqualTo("completed");
            assertThat(call.get("durationSeconds").asInt()).as("the carrier's duration, not a clock difference")
                    .isEqualTo(40);
            assertThat(reports.api.get("/v1/calls/" + callId).json().get("status").asString()).isEqualTo("completed");
        }
    }

    @Test
    void aTokenMintedAheadIsRefusedBeyondTheSkewTolerance() {
        String phone = TestNumbers.mobile();
        for (App app : cluster) {
            assertThat(app.api.put("/v1/retailers/r-skew", "{\"name\":\"Skew\",\"phone\":\"" + phone + "\"}").status())
                    .isIn(200, 201);
        }
        String ahead = cluster.get(1).api.post("/v1/retailer-tokens", "{\"retailerId\":\"r-skew\"}").json()
                .get("token").asString();
        String behind = cluster.get(0).api.post("/v1/retailer-tokens", "{\"retailerId\":\"r-skew\"}").json()
                .get("token").asString();
        // issued 90 s in the other instance's future: more than the default 30 s tolerance
        assertThat(new Http(cluster.get(0).api.base(), ahead).get("/v1/calls/call_000000000000000000000000").status()).isEqualTo(401);
        // issued 90 s in its past: fine, the token lives an hour
        assertThat(new Http(cluster.get(1).api.base(), behind).get("/v1/calls/call_000000000000000000000000").status()).isNotEqualTo(401);
    }

    private static String sid() {
        return "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
