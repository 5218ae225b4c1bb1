package io.callmask.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.twilio.http.TwilioRestClient;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** One running app (shared by the HTTP test classes) with the emulator at 1/20 of real time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.time-scale=0.05",
        "emulator.auth-token=test-token",
        "emulator.enabled=true"})
@Import(FakeApp.class)
abstract class EmulatorHttpTestBase {

    static final String ACCOUNT = "AC00000000000000000000000000000000";

    @LocalServerPort
    int port;

    @Autowired
    FakeApp app;

    EmulatorClients.Control control;
    TwilioRestClient sdk;

    @BeforeEach
    void clients() {
        control = new EmulatorClients.Control(port);
        sdk = EmulatorClients.sdk(port, ACCOUNT, "test-token");
    }

    String url(String name) {
        return "http://localhost:" + port + "/fake-app/" + name;
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    /** The parameters of a voice request about a leg between two Indian numbers. */
    static Map<String, String> voiceParams(String sid, String status, String direction, String from, String to) {
        Map<String, String> p = new HashMap<>();
        p.put("AccountSid", ACCOUNT);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", sid);
        p.put("CallStatus", status);
        p.put("Called", to);
        p.put("Caller", from);
        p.put("Direction", direction);
        p.put("From", from);
        p.put("FromCountry", "IN");
        p.put("To", to);
        p.put("ToCountry", "IN");
        return p;
    }

    static JsonNode json(String text) {
        return new EmulatorClients.Reply(200, null, text).json();
    }

    /** A webhook's parameters without the ones that vary with timing, for whole-map comparison. */
    static Map<String, String> stable(Map<String, String> params) {
        Map<String, String> copy = new HashMap<>(params);
        copy.remove("Timestamp");
        copy.remove("CallDuration");
        copy.remove("DialCallDuration");
        return copy;
    }
}
