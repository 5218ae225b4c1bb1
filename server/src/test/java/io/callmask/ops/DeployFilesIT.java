package io.callmask.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring files an operator installs from {@code deploy/}: the alert rules pass {@code promtool check
 * rules} and their unit tests ({@code promtool test rules}: each alert fires on the series it is meant for and
 * stays quiet otherwise), and the Grafana dashboard is valid JSON whose every panel has a query. Whether the
 * metric names they use exist is checked against a live scrape in {@code ObservabilityScenarios}. Outside CI a
 * missing promtool skips the rule checks; in CI (CI=true) it fails them.
 */
class DeployFilesIT {

    static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void theAlertRulesPassPromtoolAndTheirUnitTests() throws Exception {
        String promtool = promtool();
        run(promtool, "check", "rules", DEPLOY.resolve("prometheus/callmask-alerts.yml").toString());
        run(promtool, "test", "rules", DEPLOY.resolve("prometheus/callmask-alerts.test.yml").toString());
    }

    @Test
    void theDashboardIsJsonWithAQueryInEveryPanel() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(DEPLOY.resolve("grafana/callmask-dashboard.json")));
        assertThat(dashboard.get("title").asString()).isNotBlank();
        int panels = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            panels++;
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("expr").asString()).as(panel.get("title").asString()).contains("$instance");
            }
        }
        assertThat(panels).isGreaterThan(10);
    }

    private static String promtool() {
        for (String candidate : List.of("/usr/bin/promtool", "/usr/local/bin/promtool")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("promtool is required in CI (Debian package prometheus)");
        }
        Assumptions.abort("promtool not installed (apt-get install prometheus); CI installs it");
        return null;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}
