package io.callmask.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The checks that stand in for scenarios a carrier cannot run (see {@link CarrierDriver#unsupported}):
 * each asserts the clear refusal callmask gives instead, and that the refusal changed nothing.
 */
final class Refusals {

    /** driver name -> what starting it with a hub of its own threw (one start per carrier, not per scenario). */
    private static final Map<String, Throwable> HUB_STARTS = new ConcurrentHashMap<>();

    private Refusals() {}

    /**
     * A carrier that bridges click-to-calls itself answers no dial-in: it may not own a hub number
     * (refused at start-up, naming the hub redacted), and there is no dial-in webhook to reach.
     */
    static Consumer<CarrierConformance> dialInRefusedAtStartUp() {
        return suite -> {
            Throwable failure = HUB_STARTS.computeIfAbsent(suite.carrier.name(), name -> {
                List<String> settings = new ArrayList<>(suite.carrier.settings(suite.fake.baseUrl()).stream()
                        .filter(s -> !s.startsWith("--callmask.hubs=")).toList());
                settings.add("--callmask.hubs=" + CarrierApp.HUB);
                settings.addAll(CarrierApp.h2(name + "-hub"));
                try {
                    CarrierApp.start(suite.clock, settings).close();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(failure).as("an instance whose hub belongs to " + suite.carrier.name() + " does not start")
                    .isNotNull();
            assertThat(messages(failure)).contains("Hub numbers belong to carriers that cannot answer a dial-in")
                    .contains(suite.carrier.name()).doesNotContain(CarrierApp.HUB);
            var voice = Webhooks.post(suite.app.base + "/webhooks/" + suite.carrier.name() + "/voice",
                    "application/x-www-form-urlencoded", "From=%2B919876543210&To=%2B918047180001", List.of());
            assertThat(voice.status()).as("no dial-in webhook").isEqualTo(404);
        };
    }

    /** A recorded session's click-to-call on a carrier that cannot record: 422, nothing placed or stored. */
    static Consumer<CarrierConformance> recordingRefusedPerRequest() {
        return suite -> {
            var p = suite.session(true);
            int calls = suite.app.rows("calls");
            int requests = suite.fake.getAllServeEvents().size();
            var r = suite.app.api.post("/v1/sessions/" + p.sessionId() + "/calls", "{\"from\":\"retailer\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:carrier-cannot-record");
            assertThat(r.json().get("detail").asString()).contains(suite.carrier.name())
                    .doesNotContain(p.retailer(), p.customer(), p.retailerMasked());
            assertThat(suite.app.rows("calls")).isEqualTo(calls);
            assertThat(suite.fake.getAllServeEvents()).as("nothing asked of the carrier").hasSize(requests);
        };
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
