package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.core.retention.RetentionJob;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What an operator sees from outside: {@code /actuator/prometheus} behind the metrics key, every meter family
 * with values that follow from what the scenario did, no label that carries a number or an id, the health probes,
 * and one correlation id per call in the log lines of the API request and of that call's webhooks.
 */
@ExtendWith(OutputCaptureExtension.class)
// Logback's levels outlive a context in one test JVM (the hostile suite quiets io.callmask): the correlation-id
// assertions need the INFO lines, so this context sets the level it relies on.
@TestPropertySource(properties = "logging.level.io.callmask=INFO")
abstract class ObservabilityScenarios extends EndToEndTestBase {

    static final String METRICS_KEY = "it-metrics-key";
    /** A sample line: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @DynamicPropertySource
    static void metrics(DynamicPropertyRegistry registry) {
        registry.add("callmask.metrics.keys", () -> METRICS_KEY);
        registry.add("callmask.pool-metrics-interval", () -> "200ms");
        registry.add("callmask.database-check-interval", () -> "200ms");
        registry.add("callmask.costs.monthly-budget", () -> "1000000");
    }

    @Autowired
    RetentionJob retention;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theScrapeNeedsTheMetricsKeyAndTheProbesDoNot() {
        Http anonymous = new Http(api.base(), null);
        Http.Response none = anonymous.get("/actuator/prometheus");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(new Http(api.base(), "wrong").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").status()).as("a platform key is not a metrics key").isEqualTo(401);
        assertThat(new Http(api.base(), METRICS_KEY).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/prometheus").status()).isEqualTo(200);

        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Response health = anonymous.get(probe);
            assertThat(health.status()).as(probe).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.body()).as("no details for anonymous probes").doesNotContain("jdbc", "H2", "PostgreSQL");
        }
    }

    @Test
    void everyFamilyReflectsWhatHappenedAndNoLabelNamesANumberOrAnId(CapturedOutput output) {
        Map<String, Double> before = scrape();
        List<String> secrets = new ArrayList<>();

        // A click-to-call, answered and ended by both phones: placed, legs and the call ended. The retailer talks
        // 2 s (40 emulated): the first call of a fresh context is slow, and a shorter talk could end before the bridge.
        String retailerPhone = phone("auto", 40.0);
        String customerPhone = phone("auto", null);
        secrets.addAll(List.of(retailerPhone, customerPhone));
        String reference = "obs-" + System.nanoTime();
        JsonNode clickSession = session(reference, retailerPhone, customerPhone);
        String clickCall = startCall(clickSession.get("id").asString(), "retailer").get("id").asString();
        awaitCallStatus(clickCall, "completed");
        awaitLegsEnded(clickCall, 2);
        secrets.addAll(List.of(reference, clickSession.get("id").asString(), clickCall));

        // A dial-in by the customer, bridged to the retailer.
        String otherRetailer = phone("auto", 1.0);
        String caller = phone("auto", null);
        JsonNode dialSession = session("obs-d-" + System.nanoTime(), otherRetailer, caller);
        String sid = dial(caller, masked(dialSession, "customer"));
        awaitPhoneCallBySid(caller, sid, "completed");
        String dialInCall = api.get("/v1/sessions/" + dialSession.get("id").asString() + "/calls").json()
                .get(0).get("id").asString();
        awaitCallStatus(dialInCall, "completed");
        awaitLegsEnded(dialInCall, 1);
        secrets.addAll(List.of(otherRetailer, caller, dialSession.get("id").asString(), dialInCall, sid));

        // A stranger dialling a pool number, and a forged webhook.
        String stranger = TestNumbers.mobile();
        secrets.add(stranger);
        assertThat(voice(stranger, POOL.get(0), "CA" + "5".repeat(32)).body()).contains("<Say>");
        Map<String, String> forged = voiceParams(stranger, POOL.get(0), "CA" + "6".repeat(32));
        assertThat(api.postForm("/webhooks/twilio/voice", forged, "bm90LWEtc2lnbmF0dXJl").status()).isEqualTo(403);

        // A retailer over its own limit of one call an hour.
        String limitedPhone = phone("no-answer", null);
        String limited = "r-obs-" + System.nanoTime();
        assertThat(api.put("/v1/retailers/" + limited, """
                {"name":"Limited","phone":"%s","callsPerHour":1}""".formatted(limitedPhone)).status()).isIn(200, 201);
        String limitedCustomer = TestNumbers.mobile();
        secrets.addAll(List.of(limited, limitedPhone, limitedCustomer));
        var limitedSession = api.post("/v1/sessions", """
                {"reference":"obs-l-%s","parties":[{"role":"retailer","id":"%s","number":"%s"},
                  {"role":"customer","id":"c1","number":"%s"}]}""".formatted(System.nanoTime(), limited, limitedPhone,
                limitedCustomer)).json();
        String limitedId = limitedSession.get("id").asString();
        assertThat(api.post("/v1/sessions/" + limitedId + "/calls", "{\"from\":\"retailer\"}").status()).isEqualTo(201);
        assertThat(api.post("/v1/sessions/" + limitedId + "/calls", "{\"from\":\"retailer\"}").status()).isEqualTo(429);

        // The hub menu: a caller the hub does not know enters a code.
        Map<String, String> menu = voiceParams(stranger, HUB, "CA" + "7".repeat(32));
        menu.put("Digits", "4242");
        assertThat(webhook("/webhooks/twilio/menu?attempt=2", menu).status()).isEqualTo(200);

        retention.runOnce();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Double> m = scrape();
            assertThat(delta(m, before, "callmask_webhook_seconds_count", "webhook", "voice", "outcome", "bridge"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(m, before, "callmask_webhook_seconds_count", "webhook", "voice", "outcome", "refused",
                    "reason", "unknown-caller")).isGreaterThanOrEqualTo(1);
            assertThat(delta(m, before, "callmask_webhook_seconds_count", "webhook", "status", "outcome", "applied"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(delta(m, before, "callmask_webhook_seconds_count", "outcome", "rejected", "reason",
                    "not-authentic")).isEqualTo(1);
            assertThat(delta(m, before, "callmask_signature_refusals_total", "carrier", "twilio")).isEqualTo(1);
            assertThat(delta(m, before, "callmask_dial_in_routing_seconds_count", "carrier", "twilio", "outcome",
                    "bridge")).isGreaterThanOrEqualTo(1);
            assertThat(sum(m, "callmask_dial_in_routing_seconds_bucket", "le", "+Inf", "outcome", "bridge"))
                    .isEqualTo(sum(m, "callmask_dial_in_routing_seconds_count", "outcome", "bridge"));
            assertThat(delta(m, before, "callmask_click_to_call_seconds_count", "outcome", "placed"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(delta(m, before, "callmask_click_to_call_seconds_count", "outcome", "refused")).isEqualTo(1);
            assertThat(delta(m, before, "callmask_rate_limit_refusals_total", "limit", "retailer", "channel",
                    "click-to-call")).isEqualTo(1);
            assertThat(delta(m, before, "callmask_carrier_requests_seconds_count", "carrier", "twilio", "operation",
                    "place-call", "outcome", "ok")).isGreaterThanOrEqualTo(2);
            // both legs of the click-to-call and the callee's of the dial-in (Twilio reports nothing of the
            // incoming leg itself)
            assertThat(delta(m, before, "callmask_legs_ended_total", "carrier", "twilio", "status", "completed"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(delta(m, before, "callmask_calls_ended_total", "kind", "click-to-call", "status", "completed"))
                    .as(series(m, "callmask_calls_ended_total")).isGreaterThanOrEqualTo(1);
            assertThat(delta(m, before, "callmask_calls_ended_total", "kind", "dial-in", "status", "completed"))
                    .as(series(m, "callmask_calls_ended_total")).isGreaterThanOrEqualTo(1);
            assertThat(delta(m, before, "callmask_hub_menu_total")).isEqualTo(1);
            assertThat(delta(m, before, "callmask_retention_runs_seconds_count", "outcome", "ok")).isEqualTo(1);
            assertThat(sum(m, "callmask_pool_numbers", "state", "in-use")).isPositive();
            assertThat(sum(m, "callmask_pool_numbers") - sum(m, "callmask_pool_numbers", "state", "hub"))
                    .isEqualTo(jdbc.sql("select count(*) from pool_numbers where kind = 'pool'").query(Long.class)
                            .single().doubleValue());
            assertThat(sum(m, "callmask_pool_numbers", "state", "hub")).isEqualTo(1);
            assertThat(sum(m, "callmask_pool_in_use_peak")).isGreaterThanOrEqualTo(sum(m, "callmask_pool_numbers",
                    "state", "in-use"));
            assertThat(m).containsKeys("callmask_pool_shortfalls_total{application=\"callmask\",kind=\"short\"}",
                    "callmask_abuse_alerts_total{application=\"callmask\",rule=\"short-call-burst\"}",
                    "callmask_abuse_blocks_total{application=\"callmask\",rule=\"repeated-unanswered\"}",
                    "callmask_status_journal_pending{application=\"callmask\"}",
                    "callmask_abuse_evaluations_queued{application=\"callmask\"}");
            assertThat(sum(m, "callmask_database_up")).isEqualTo(1);
            assertThat(sum(m, "callmask_status_journal_pending")).isZero();
            assertThat(m.keySet()).anyMatch(k -> k.startsWith("hikaricp_connections_active{"));
            assertThat(m.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
        });

        String text = scrapeText();
        Set<String> values = new HashSet<>();
        int series = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            series++;
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    values.add(label.group(2));
                }
            }
        }
        for (String secret : secrets) {
            String digits = secret.startsWith("+") ? secret.substring(1) : secret;
            assertThat(text).as("the scrape names " + secret).doesNotContain(digits);
        }
        assertThat(values).as("label values").allSatisfy(v -> assertThat(v).doesNotContainPattern("\\d{6,}")
                .doesNotContainPattern("call_|ses_|CA[0-9a-f]{32}|^[ro]-"));
        assertThat(series).as("series, bounded whatever the traffic").isLessThan(3000);

        // Every metric the shipped dashboard and alert rules read is one this instance exposes.
        for (String file : List.of("grafana/callmask-dashboard.json", "prometheus/callmask-alerts.yml")) {
            String content;
            try {
                content = java.nio.file.Files.readString(java.nio.file.Path.of("..", "deploy", file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Matcher used = Pattern.compile("\\b((?:callmask|hikaricp|jvm)_[a-z_]*[a-z])").matcher(content);
            Set<String> names = new HashSet<>();
            while (used.find()) {
                names.add(used.group(1));
            }
            assertThat(names).as(file).isNotEmpty().allSatisfy(name -> assertThat(text)
                    .as(file + " uses " + name).containsPattern("(?m)^" + name + "[{ ]"));
        }

        // One correlation id per call: the API request that placed it and its webhooks log under it.
        assertThat(output.getOut().lines().filter(l -> l.contains("[" + clickCall + "]")).toList())
                .anyMatch(l -> l.contains("placed on twilio"))
                .anyMatch(l -> l.contains("leg") && l.contains("ended completed"));
        assertThat(output.getOut().lines().filter(l -> l.contains("[" + dialInCall + "]")).toList())
                .anyMatch(l -> l.contains("Dial-in " + sid))
                .anyMatch(l -> l.contains("ended completed"));
        assertThat(output.getOut()).doesNotContain(retailerPhone, customerPhone, caller, stranger);
    }

    private void awaitLegsEnded(String callId, int legs) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            int ended = 0;
            for (JsonNode leg : api.get("/v1/calls/" + callId).json().get("legs")) {
                ended += leg.get("status").asString().equals("completed") ? 1 : 0;
            }
            assertThat(ended).as("completed legs of " + callId).isGreaterThanOrEqualTo(legs);
        });
    }

    private String scrapeText() {
        Http.Response r = new Http(api.base(), METRICS_KEY).get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Every sample, keyed by its line's name and labels as printed. */
    private Map<String, Double> scrape() {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : scrapeText().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(sample.group(4)));
            }
        }
        return samples;
    }

    /** The sum over the series of {@code name} whose labels include every given pair. */
    private static double sum(Map<String, Double> samples, String name, String... pairs) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String key = e.getKey();
            if (!(key.equals(name) || key.startsWith(name + "{"))) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(key);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            boolean all = true;
            for (int i = 0; i < pairs.length; i += 2) {
                all &= pairs[i + 1].equals(labels.get(pairs[i]));
            }
            if (all) {
                total += e.getValue();
            }
        }
        return total;
    }

    private static String series(Map<String, Double> samples, String name) {
        StringBuilder out = new StringBuilder();
        samples.forEach((k, v) -> {
            if (k.startsWith(name)) {
                out.append(k).append(' ').append(v).append('\n');
            }
        });
        return out.toString();
    }

    private static double delta(Map<String, Double> now, Map<String, Double> before, String name, String... pairs) {
        return sum(now, name, pairs) - sum(before, name, pairs);
    }
}
