package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fault controls a fault run uses: status callbacks duplicated and scattered ({@code PUT /emulator/network}),
 * and the tally of every webhook attempt by kind and outcome ({@code GET /emulator/webhooks}).
 */
class NetworkFaultsTest extends EmulatorHttpTestBase {

    @AfterEach
    void calmNetwork() {
        control.put("/emulator/network", "{}");
    }

    @Test
    void scatteredNetworkSendsEveryStatusCallbackAsOftenAsAskedAndTheTallyCountsThem() {
        String number = "+918000000070";
        control.post("/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\"" + url("net-hello")
                + "\",\"statusCallback\":\"" + url("net-status") + "\"}");
        app.answer("net-hello", "<Response><Say>Hello</Say></Response>");
        assertThat(control.delete("/emulator/webhooks").status()).isEqualTo(204);
        var set = control.put("/emulator/network", "{\"statusCallbackCopies\":3,\"statusCallbackScatterMs\":200}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(json("{\"statusCallbackCopies\":3,\"statusCallbackScatterMs\":200}"));
        assertThat(control.get("/emulator/network").json()).isEqualTo(set.json());

        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sids.add(control.post("/emulator/phones/+91980000007" + i + "/dial", "{\"to\":\"" + number + "\"}")
                    .json().get("callSid").asString());
        }

        eventually().until(() -> app.hooks("net-status").stream().filter(h -> sids.contains(h.params().get("CallSid")))
                .count() == 12);
        for (String sid : sids) {
            assertThat(app.hooks("net-status").stream().filter(h -> sid.equals(h.params().get("CallSid")))
                    .map(h -> h.params().get("CallStatus"))).containsExactly("completed", "completed", "completed");
        }
        // the tally counts an attempt once its answer is read, just after the app saw it (path(): a kind not yet
        // tallied fails the assertion and is tried again, where get() would throw past the retry)
        eventually().untilAsserted(() -> {
            JsonNode tally = control.get("/emulator/webhooks").json();
            assertThat(tally.path("status").path("2xx").asLong()).isEqualTo(12);
            assertThat(tally.path("twiml").path("2xx").asLong()).isEqualTo(4);
        });
    }

    @Test
    void theTallyTellsA5xxFromAFailureAndTheDefaultNetworkSendsOnce() {
        String number = "+918000000071";
        control.post("/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\"" + url("broken-net")
                + "\",\"statusCallback\":\"" + url("net-once") + "\"}");
        assertThat(control.delete("/emulator/webhooks").status()).isEqualTo(204);

        String sid = control.post("/emulator/phones/+919800000079/dial", "{\"to\":\"" + number + "\"}").json()
                .get("callSid").asString();

        eventually().until(() -> app.hooks("net-once").stream().anyMatch(h -> sid.equals(h.params().get("CallSid"))));
        eventually().untilAsserted(() -> {
            JsonNode tally = control.get("/emulator/webhooks").json();
            assertThat(tally.path("twiml").path("5xx").asLong()).as("a 500 is not a 503").isEqualTo(1);
            assertThat(tally.path("twiml").path("failed").asLong()).isEqualTo(1);
            assertThat(tally.path("status").path("2xx").asLong()).isEqualTo(1);
        });
        assertThat(app.hooks("net-once").stream().filter(h -> sid.equals(h.params().get("CallSid")))).hasSize(1);
    }

    @Test
    void a503IsTalliedApartAndRetriedAsTheOverridesSay() {
        String number = "+918000000072";
        control.post("/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\"" + url("net-hello")
                + "\",\"statusCallback\":\"" + url("unavailable-status") + "#rc=2&rp=5xx\"}");
        app.answer("net-hello", "<Response><Say>Hello</Say></Response>");
        assertThat(control.delete("/emulator/webhooks").status()).isEqualTo(204);

        String sid = control.post("/emulator/phones/+919800000078/dial", "{\"to\":\"" + number + "\"}").json()
                .get("callSid").asString();

        eventually().untilAsserted(() -> {
            JsonNode tally = control.get("/emulator/webhooks").json();
            assertThat(tally.path("status").path("503").asLong()).as("tried once and retried twice").isEqualTo(3);
            assertThat(tally.path("status").path("failed").asLong()).isEqualTo(1);
            assertThat(tally.path("status").has("5xx")).as("a 503 is not counted as another 5xx").isFalse();
        });
        assertThat(app.hooks("unavailable-status").stream().filter(h -> sid.equals(h.params().get("CallSid"))))
                .hasSize(3);
    }

    @Test
    void outOfRangeFaultsAreBadRequestsAndChangeNothing() {
        control.put("/emulator/network", "{\"statusCallbackCopies\":2}");
        for (String body : List.of("{\"statusCallbackCopies\":0}", "{\"statusCallbackCopies\":6}",
                "{\"statusCallbackScatterMs\":-1}", "{\"statusCallbackScatterMs\":10001}",
                "{\"statusCallbackCopies\":", "{\"copies\":3}", "{\"statusCallbackCopies\":\"two\"}")) {
            var reply = control.put("/emulator/network", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(control.get("/emulator/network").json())
                .isEqualTo(json("{\"statusCallbackCopies\":2,\"statusCallbackScatterMs\":0}"));
    }
}
