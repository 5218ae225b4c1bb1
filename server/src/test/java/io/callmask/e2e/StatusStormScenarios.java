package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Status callbacks duplicated and reordered under load: 30 bridged dial-ins, each callee leg's four progress
 * reports and the dial's end sent twice each, all shuffled together and posted by 16 clients at once. Every
 * answer is a success (no 5xx), every call ends with the status and duration its last report gave, and every
 * report is in its leg's history (none lost, none applied twice to the status).
 */
abstract class StatusStormScenarios extends EndToEndTestBase {

    private static final Pattern CALL_ID = Pattern.compile("call=(call_[0-9a-f]+)");

    @Autowired
    JdbcClient jdbc;

    private record Report(String path, Map<String, String> params) {}

    @Test
    void duplicatedAndReorderedReportsConverge() throws Exception {
        Random random = new Random(42);
        List<Report> reports = new ArrayList<>();
        Map<String, Integer> durations = new LinkedHashMap<>();
        Map<String, String> calleeLegs = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String customer = TestNumbers.mobile();
            JsonNode session = session("storm-" + i + "-" + System.nanoTime(), TestNumbers.mobile(), customer);
            Http.Response bridged = voice(customer, masked(session, "customer"), sid());
            Matcher id = CALL_ID.matcher(bridged.body());
            assertThat(id.find()).as(bridged.body()).isTrue();
            String callId = id.group(1);
            String leg = sid();
            int duration = 10 + random.nextInt(200);
            durations.put(callId, duration);
            calleeLegs.put(callId, leg);
            int sequence = 0;
            for (String status : List.of("initiated", "ringing", "in-progress", "completed")) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("CallSid", leg);
                params.put("CallStatus", status);
                params.put("SequenceNumber", Integer.toString(sequence++));
                if (status.equals("completed")) {
                    params.put("CallDuration", Integer.toString(duration));
                }
                Report report = new Report("/webhooks/twilio/status?call=" + callId + "&leg=callee", params);
                reports.add(report);
                reports.add(report);
            }
            Map<String, String> dialEnd = Map.of("CallSid", sid(), "DialCallStatus", "completed", "DialCallSid", leg,
                    "DialCallDuration", Integer.toString(duration));
            reports.add(new Report("/webhooks/twilio/dial-complete?call=" + callId, dialEnd));
            reports.add(new Report("/webhooks/twilio/dial-complete?call=" + callId, dialEnd));
        }
        Collections.shuffle(reports, random);

        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (Report report : reports) {
            answers.add(clients.submit(() -> webhook(report.path(), report.params()).status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isIn(200, 204);
        }
        clients.shutdown();

        durations.forEach((callId, duration) -> {
            JsonNode call = api.get("/v1/calls/" + callId).json();
            assertThat(call.get("status").asString()).as(callId).isEqualTo("completed");
            JsonNode callee = null;
            for (JsonNode leg : call.get("legs")) {
                if (leg.get("role").asString().equals("callee")) {
                    callee = leg;
                }
            }
            assertThat(callee).as(callId).isNotNull();
            assertThat(callee.get("durationSeconds").asInt()).as(callId).isEqualTo(duration);
            assertThat(jdbc.sql("select count(*) from leg_events where carrier_sid = ?").param(calleeLegs.get(callId))
                    .query(Integer.class).single()).as("every report is in the history").isEqualTo(10);
        });
    }

    private static String sid() {
        return "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
