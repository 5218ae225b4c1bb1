package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.emulator.EmulatorApplication;
import io.callmask.support.Http;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An instance killed with SIGKILL mid-call, as an operator's machine can die: two instances of the product jar on
 * one PostgreSQL database, behind the emulator's load balancer (a refused connection goes to the other instance,
 * as a load balancer or Twilio's fallback URL would). Calls bridged before the kill end after it, and their
 * reports reach the survivor: every record is complete, with the carrier's statuses and durations; calls placed
 * after the kill, dialled in or clicked, are served by the survivor alone.
 */
class PostgresInstanceKilledIT {

    private static final Path JAR = Path.of("target/callmask.jar");
    private static final String TOKEN = "kill-it-token";
    private static final String KEY = "kill-it-key";
    private static final String ACCOUNT = "AC" + "0".repeat(32);
    private static final List<String> POOL = List.of("+918047180001", "+918047180002", "+918047180003",
            "+918047180004", "+918047180005");

    @TempDir
    Path dir;

    private final List<Process> instances = new ArrayList<>();
    private ConfigurableApplicationContext emulator;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : instances) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void callsInFlightWhenAnInstanceIsKilledAreRecordedInFullAndTheOtherKeepsServing() throws Exception {
        assertThat(JAR).as("the package phase builds the product jar").exists();
        String db = PostgresDatabase.create();
        int emulatorPort = freePort();
        int a = freePort();
        int b = freePort();
        String publicUrl = "http://127.0.0.1:" + freePort(); // the load balancer's URL: nothing listens there
        emulator = new SpringApplicationBuilder(EmulatorApplication.class).properties(Map.of(
                "spring.config.name", "emulator-alone", // not callmask's application.yml on this classpath
                "spring.datasource.url", "jdbc:h2:mem:kill-it-emulator", "spring.flyway.enabled", "false",
                "server.port", emulatorPort, "emulator.enabled", "true", "emulator.account-sid", ACCOUNT,
                "emulator.auth-token", TOKEN, "emulator.load-balancer.public-url", publicUrl,
                "emulator.load-balancer.instances", "http://127.0.0.1:" + a + ",http://127.0.0.1:" + b)).run();
        Http network = new Http("http://127.0.0.1:" + emulatorPort, null);

        Process killed = start("a", a, db, publicUrl, emulatorPort);
        Http apiA = awaitReady(killed, a);
        // every instance shares the number keys (in production: from the secret store)
        Files.createDirectories(dir.resolve("b"));
        Files.copy(dir.resolve("a").resolve("number-keys"), dir.resolve("b").resolve("number-keys"));
        Process survivor = start("b", b, db, publicUrl, emulatorPort);
        Http apiB = awaitReady(survivor, b);
        for (String number : POOL) {
            assertThat(network.post("/emulator/numbers", """
                    {"number":"%s","voiceUrl":"%s/webhooks/twilio/voice#rc=2&rp=ct,rt",
                     "statusCallback":"%s/webhooks/twilio/status#rc=3&rp=5xx,ct,rt"}"""
                    .formatted(number, publicUrl, publicUrl)).status()).isEqualTo(200);
        }

        // Three dial-ins, bridged (their webhooks spread over both instances), then A dies mid-call.
        List<String[]> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] call = dialIn(network, apiA, 6);
            inFlight.add(call);
        }
        for (String[] call : inFlight) {
            await().atMost(Duration.ofSeconds(20)).until(() -> bridged(network, call[0]));
        }
        for (String[] call : inFlight) {
            assertThat(network.get("/emulator/calls/" + call[0]).json().get("status").asString())
                    .as("still talking when the instance dies").isEqualTo("in-progress");
        }
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no draining
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);

        // After the kill: a dial-in and a click-to-call, served by B alone.
        String[] after = dialIn(network, apiB, 1);
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        phones(network, retailer, 1, customer);
        JsonNode session = apiB.post("/v1/sessions", sessionBody(retailer, customer)).json();
        Http.Response click = apiB.post("/v1/sessions/" + session.get("id").asString() + "/calls",
                "{\"from\":\"retailer\"}");
        assertThat(click.status()).as(click.body()).isEqualTo(201);
        String clickCall = click.json().get("id").asString();

        List<String[]> all = new ArrayList<>(inFlight);
        all.add(after);
        for (String[] call : all) {
            JsonNode record = awaitComplete(apiB, call[1], network);
            assertThat(record.get("direction").asString()).isEqualTo("dial-in");
        }
        JsonNode clicked = awaitComplete(apiB, clickCall, network);
        assertThat(clicked.get("legs")).hasSize(2);
        assertThat(clicked.get("direction").asString()).isEqualTo("click-to-call");
        // Requests found A refusing and went to B; nothing was answered with a 5xx (not even a 503 to a caller
        // waiting on a document), and no webhook failed for good.
        JsonNode tally = network.get("/emulator/webhooks").json();
        assertThat(tally.get("status").path("ct").asLong() + tally.get("twiml").path("ct").asLong())
                .as("the load balancer failed over: " + tally).isPositive();
        for (JsonNode kind : tally) {
            assertThat(kind.has("5xx")).as(tally.toString()).isFalse();
            assertThat(kind.has("failed")).as(tally.toString()).isFalse();
        }
        assertThat(tally.get("twiml").has("503")).as(tally.toString()).isFalse();
    }

    /** A customer dials its masked number; the retailer answers and hangs up after {@code talk} seconds. */
    private String[] dialIn(Http network, Http api, int talk) {
        String retailer = TestNumbers.mobile();
        String customer = TestNumbers.mobile();
        phones(network, retailer, talk, customer);
        JsonNode session = api.post("/v1/sessions", sessionBody(retailer, customer)).json();
        String masked = session.get("parties").get(1).get("maskedNumber").asString();
        String sid = network.post("/emulator/phones/" + Http.enc(customer) + "/dial", "{\"to\":\"" + masked + "\"}")
                .json().get("callSid").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().size() == 1);
        String callId = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().get(0).get("id")
                .asString();
        return new String[] {sid, callId};
    }

    private static void phones(Http network, String retailer, int talk, String customer) {
        assertThat(network.put("/emulator/phones/" + Http.enc(retailer),
                "{\"answer\":\"auto\",\"answerAfterSeconds\":0.5,\"hangupAfterSeconds\":" + talk + "}").status())
                .isEqualTo(200);
        assertThat(network.put("/emulator/phones/" + Http.enc(customer),
                "{\"answer\":\"auto\",\"answerAfterSeconds\":0.5}").status()).isEqualTo(200);
    }

    private static String sessionBody(String retailer, String customer) {
        long n = System.nanoTime();
        return """
                {"reference":"kill-%d","parties":[{"role":"retailer","id":"r-k%d","number":"%s"},
                  {"role":"customer","id":"c-k%d","number":"%s"}]}""".formatted(n, n, retailer, n, customer);
    }

    private static boolean bridged(Http network, String parentSid) {
        for (JsonNode leg : network.get("/emulator/calls?limit=1000").json()) {
            if (parentSid.equals(leg.path("parentCallSid").asString(null)) && leg.hasNonNull("answeredAt")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call's record once every leg the carrier carried has ended there and here, each with the carrier's
     * status and, when completed, its duration.
     */
    private static JsonNode awaitComplete(Http api, String callId, Http network) {
        await().atMost(Duration.ofSeconds(40)).alias(callId).until(() -> {
            JsonNode call = api.get("/v1/calls/" + callId).json();
            if (!"completed".equals(call.get("status").asString()) || call.get("legs").size() != 2) {
                return false;
            }
            for (JsonNode leg : call.get("legs")) {
                JsonNode carried = network.get("/emulator/calls/" + leg.get("carrierSid").asString()).json();
                if (!carried.get("status").asString().equals(leg.get("status").asString())
                        || carried.get("durationSeconds").isNull() || leg.get("durationSeconds").isNull()) {
                    return false;
                }
            }
            return true;
        });
        JsonNode call = api.get("/v1/calls/" + callId).json();
        Map<String, Integer> durations = new HashMap<>();
        for (JsonNode leg : call.get("legs")) {
            JsonNode carried = network.get("/emulator/calls/" + leg.get("carrierSid").asString()).json();
            assertThat(leg.get("status").asString()).isEqualTo("completed");
            assertThat(leg.get("durationSeconds").asInt()).as(leg.toString())
                    .isEqualTo(carried.get("durationSeconds").asInt());
            durations.put(leg.get("role").asString(), leg.get("durationSeconds").asInt());
        }
        assertThat(durations).containsOnlyKeys("caller", "callee");
        return call;
    }

    private Process start(String name, int port, String db, String publicUrl, int emulatorPort) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "--server.port=" + port,
                "--callmask.data-dir=" + dir.resolve(name), "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db, "--spring.datasource.username=" + PostgresDatabase.USER,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--callmask.twilio.account-sid=" + ACCOUNT, "--callmask.twilio.auth-token=" + TOKEN,
                "--callmask.twilio.api-base-url=http://127.0.0.1:" + emulatorPort + "/emulator/twilio",
                "--callmask.public-base-url=" + publicUrl, "--callmask.api-keys=" + KEY);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        instances.add(process);
        return process;
    }

    private Http awaitReady(Process process, int port) throws IOException {
        Http api = new Http("http://127.0.0.1:" + port, KEY);
        Path log = dir.resolve((instances.indexOf(process) == 0 ? "a" : "b") + ".log");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast(() -> !process.isAlive())
                .until(() -> api.getAnonymously("/actuator/health/readiness").status() == 200);
        assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
        return api;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
