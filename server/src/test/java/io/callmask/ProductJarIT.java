package io.callmask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product jar as an operator runs it ({@code java -jar target/callmask.jar}, built by this module's package
 * phase): it holds no emulator, no demo and no tools, and it fails closed. Started with no carrier settings it
 * refuses to start with a short report that names the demo command; started with a (fake) Twilio account it
 * serves the API, and {@code /emulator} and {@code /demo} do not exist.
 */
class ProductJarIT {

    private static final Path JAR = Path.of("target/callmask.jar");

    @TempDir
    Path data;

    @Test
    void withNoCarrierSettingsItRefusesToStartAndNamesTheDemoCommand() throws Exception {
        Process app = start(List.of());
        assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("the jar exits by itself").isTrue();
        String output = Files.readString(data.resolve("out.log"));
        assertThat(app.exitValue()).isEqualTo(1);
        assertThat(output).contains("APPLICATION FAILED TO START", "No carrier account",
                "callmask.twilio.account-sid", "./mvnw spring-boot:test-run")
                .doesNotContain("Caused by:");
    }

    @Test
    void withAnAccountItServesTheApiMetricsAndJsonLogsButNoEmulatorNorDemo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process app = start(List.of("--server.port=" + port, "--callmask.twilio.account-sid=AC" + "1".repeat(32),
                "--callmask.twilio.auth-token=not-a-real-token", "--callmask.api-keys=jar-it-key",
                "--callmask.metrics.keys=jar-metrics-key", "--logging.structured.format.console=ecs"));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://localhost:" + port;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int health = 0;
            String readiness;
            while (health != 200 && System.nanoTime() < deadline && app.isAlive()) {
                try {
                    health = get(http, base + "/actuator/health", null).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(health).as(Files.readString(data.resolve("out.log"))).isEqualTo(200);
            assertThat(get(http, base + "/v1/retailers/nobody", "jar-it-key").statusCode()).isEqualTo(404);
            for (String path : List.of("/emulator/phones/+919900010001", "/emulator/calls", "/demo", "/demo/api/shop",
                    "/emulator/twilio/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls.json")) {
                assertThat(get(http, base + path, null).statusCode()).as(path).isEqualTo(404);
            }
            var token = http.send(HttpRequest.newBuilder(URI.create(base + "/demo/api/token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isIn(404, 405);

            assertThat(get(http, base + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            var scrape = get(http, base + "/actuator/prometheus", "jar-metrics-key");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("callmask_database_up{application=\"callmask\"} 1.0")
                    .contains("hikaricp_connections_max");
            // the pool's gauges are read once it is seeded, not 30 s (callmask.pool-metrics-interval) later
            while (!(readiness = get(http, base + "/actuator/health/readiness", null).body()).contains("UP")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long gaugeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String pool = "";
            while (!pool.contains("callmask_pool_numbers{application=\"callmask\",state=\"free\"} 5.0")
                    && System.nanoTime() < gaugeDeadline) {
                pool = get(http, base + "/actuator/prometheus", "jar-metrics-key").body();
                Thread.sleep(100);
            }
            assertThat(pool).as(readiness).contains(
                    "callmask_pool_numbers{application=\"callmask\",state=\"free\"} 5.0",
                    "callmask_pool_numbers{application=\"callmask\",state=\"hub\"} 1.0");
            // logging.structured.format.console=ecs: every line the jar printed is one JSON object
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            List<String> lines = Files.readAllLines(data.resolve("out.log"));
            assertThat(lines).hasSizeGreaterThan(5);
            for (String line : lines) {
                assertThat(json.readTree(line).get("ecs")).as(line).isNotNull();
            }
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private Process start(List<String> settings) throws IOException {
        assertThat(JAR).as("the package phase builds the product jar").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "--callmask.data-dir=" + data.resolve("data"),
                "--spring.main.banner-mode=off"));
        if (settings.stream().noneMatch(s -> s.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        command.addAll(settings);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("out.log").toFile())
                .start();
    }

    private static HttpResponse<String> get(HttpClient http, String url, String key) throws IOException,
            InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
