package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * One pool holding numbers of two carriers (Twilio and Telnyx, each played by its fake): every
 * session's numbers come from one carrier, each dial-in is answered through the carrier that owns
 * the dialled number, each click-to-call is placed through the carrier that owns the caller's
 * masked number, and a dial-in that arrives through the wrong carrier is refused, not half-bridged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2TwoCarrierPoolIT {

    private static final List<String> TWILIO_NUMBERS = List.of("+918047180001", "+918047180002");
    private static final List<String> TELNYX_NUMBERS = List.of("+918047180003", "+918047180004");

    private final MutableClock clock = new MutableClock();
    private final TwilioDriver twilio = new TwilioDriver();
    private final TelnyxDriver telnyx = new TelnyxDriver(clock);
    private final WireMockServer twilioFake = new WireMockServer(options().dynamicPort());
    private final WireMockServer telnyxFake = new WireMockServer(options().dynamicPort());
    private CarrierApp app;

    @BeforeAll
    void start() {
        twilioFake.start();
        telnyxFake.start();
        twilio.stub(twilioFake);
        telnyx.stub(telnyxFake);
        List<String> settings = new ArrayList<>(twilio.settings(twilioFake.baseUrl()));
        telnyx.settings(telnyxFake.baseUrl()).stream()
                .filter(s -> !s.startsWith("--callmask.carrier=") && !s.startsWith("--callmask.carriers.twilio"))
                .forEach(settings::add);
        settings.add("--callmask.pool=" + String.join(",", TWILIO_NUMBERS) + "," + String.join(",", TELNYX_NUMBERS));
        settings.add("--callmask.hubs=" + CarrierApp.HUB);
        settings.add("--callmask.carriers.telnyx.numbers=" + String.join(",", TELNYX_NUMBERS));
        settings.addAll(CarrierApp.h2("two-carriers"));
        app = CarrierApp.start(clock, settings);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        twilioFake.stop();
        telnyxFake.stop();
    }

    @Test
    void thePoolRemembersWhichCarrierOwnsEachNumber() {
        Map<String, String> owners = new java.util.TreeMap<>();
        app.jdbc().sql("select number, carrier from pool_numbers").query((rs, n) -> owners.put(rs.getString(1),
                rs.getString(2))).list();
        assertThat(owners).containsEntry("+918047180001", "twilio").containsEntry("+918047180002", "twilio")
                .containsEntry("+918047180003", "telnyx").containsEntry("+918047180004", "telnyx")
                .containsEntry(CarrierApp.HUB, "twilio");
    }

    @Test
    void eachDialInIsAnsweredThroughTheCarrierOwningTheDialledNumber() {
        Session onTwilio = sessionOn("twilio");
        Session onTelnyx = sessionOn("telnyx");

        var viaTwilio = twilio.incoming(app, twilio.newCallSid(), onTwilio.customer, onTwilio.customerMasked);
        assertThat(viaTwilio.dialNumber()).isEqualTo(onTwilio.retailer);
        assertThat(viaTwilio.callerId()).isEqualTo(onTwilio.retailerMasked);
        var viaTelnyx = telnyx.incoming(app, telnyx.newCallSid(), onTelnyx.customer, onTelnyx.customerMasked);
        assertThat(viaTelnyx.dialNumber()).isEqualTo(onTelnyx.retailer);
        assertThat(viaTelnyx.callerId()).isEqualTo(onTelnyx.retailerMasked);

        assertThat(carrierOfCalls(onTwilio)).containsExactly("twilio");
        assertThat(carrierOfCalls(onTelnyx)).containsExactly("telnyx");
    }

    @Test
    void eachClickToCallIsPlacedThroughTheCarrierOwningTheCallersMaskedNumber() {
        Session onTwilio = sessionOn("twilio");
        Session onTelnyx = sessionOn("telnyx");
        assertThat(app.api.post("/v1/sessions/" + onTwilio.id + "/calls", "{\"from\":\"retailer\"}").status())
                .isEqualTo(201);
        assertThat(app.api.post("/v1/sessions/" + onTelnyx.id + "/calls", "{\"from\":\"retailer\"}").status())
                .isEqualTo(201);

        var placedByTwilio = twilio.placed(twilioFake, onTwilio.retailer);
        assertThat(placedByTwilio.from()).isEqualTo(onTwilio.retailerMasked);
        var placedByTelnyx = telnyx.placed(telnyxFake, onTelnyx.retailer);
        assertThat(placedByTelnyx.from()).isEqualTo(onTelnyx.retailerMasked);
        assertThat(twilioFake.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString()
                .contains(Webhooks.enc(onTelnyx.retailer)));
        assertThat(telnyxFake.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString()
                .contains(onTwilio.retailer));

        // The Telnyx leg is bridged by Telnyx, showing the other Telnyx number.
        var dial = telnyx.answered(app, placedByTelnyx, telnyx.newCallSid());
        assertThat(dial.dialNumber()).isEqualTo(onTelnyx.customer);
        assertThat(dial.callerId()).isEqualTo(onTelnyx.customerMasked);
        assertThat(carrierOfCalls(onTwilio)).containsExactly("twilio");
        assertThat(carrierOfCalls(onTelnyx)).containsExactly("telnyx");
    }

    @Test
    void aDialInArrivingThroughACarrierThatCannotShowTheOtherNumberIsRefusedClearly() {
        Session onTelnyx = sessionOn("telnyx");
        int events = app.rows("events");
        var reply = twilio.incoming(app, twilio.newCallSid(), onTelnyx.customer, onTelnyx.customerMasked);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.dials()).as("Twilio cannot show Telnyx's number as caller ID").isFalse();
        assertThat(reply.said()).containsExactly(
                "Sorry, we cannot connect your call right now. Please try again in a few minutes.");
        assertThat(app.rows("events")).isEqualTo(events + 1);
        String detail = app.jdbc().sql("select detail from events where type = 'call.carrier-cannot' "
                + "order by created_at desc limit 1").query(String.class).single();
        assertThat(detail).contains("twilio").doesNotContain(onTelnyx.customer, onTelnyx.retailer);
    }

    record Session(String id, String retailer, String customer, String retailerMasked, String customerMasked) {}

    /**
     * A session whose numbers belong to {@code carrier}. The first party's number is chosen at random,
     * so fresh parties are tried until one lands there (each try is an even chance; 40 tries fail
     * with a probability of 2^-40). Both numbers always share one carrier: the second follows the first.
     */
    private Session sessionOn(String carrier) {
        List<String> own = carrier.equals("twilio") ? TWILIO_NUMBERS : TELNYX_NUMBERS;
        for (int i = 0; i < 40; i++) {
            String retailer = TestNumbers.mobile();
            String customer = TestNumbers.mobile();
            var r = app.api.post("/v1/sessions", """
                    {"reference":"mix-%s","parties":[{"role":"retailer","id":"r","number":"%s"},
                     {"role":"customer","id":"c","number":"%s"}]}""".formatted(customer.substring(5), retailer, customer));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode s = r.json();
            String rm = CarrierConformance.masked(s, "retailer");
            String cm = CarrierConformance.masked(s, "customer");
            boolean retailerThere = own.contains(rm);
            assertThat(own.contains(cm)).as("one carrier per session").isEqualTo(retailerThere);
            if (retailerThere) {
                return new Session(s.get("id").asString(), retailer, customer, rm, cm);
            }
        }
        throw new AssertionError("no session landed on " + carrier);
    }

    private List<String> carrierOfCalls(Session s) {
        List<String> carriers = new ArrayList<>();
        app.api.get("/v1/sessions/" + s.id + "/calls").json().forEach(c -> carriers.add(c.get("carrier").asString()));
        return carriers;
    }
}
