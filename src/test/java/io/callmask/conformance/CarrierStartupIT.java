package io.callmask.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.support.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Carrier misconfiguration stops the start with a message naming the setting, never a caller later. */
class CarrierStartupIT {

    private static void refused(String expected, String... settings) {
        List<String> args = new ArrayList<>(List.of(settings));
        args.addAll(CarrierApp.h2("startup"));
        assertThatThrownBy(() -> CarrierApp.start(new MutableClock(), args).close())
                .hasStackTraceContaining(expected);
    }

    @Test
    void aNumberOwnedByACarrierNobodyEnabledStopsTheStart() {
        refused("callmask.carriers.plivo owns numbers, but no such carrier adapter is enabled",
                "--callmask.carriers.plivo.numbers=+918047180001");
    }

    @Test
    void aDefaultCarrierThatIsNotEnabledStopsTheStart() {
        refused("callmask.carrier is 'telnyx', but no enabled carrier adapter has that name",
                "--callmask.carrier=telnyx");
    }

    @Test
    void anEnabledCarrierWithoutCredentialsStopsTheStart() {
        refused("callmask.carriers.telnyx.api-key is empty", "--callmask.carriers.telnyx.enabled=true");
    }

    @Test
    void aCarrierClaimingANumberOutsideThePoolStopsTheStart() {
        refused("which is in neither callmask.pool nor callmask.hubs",
                "--callmask.carriers.twilio.numbers=+918047189999");
    }

    @Test
    void anUnsignedCarrierWithoutItsWebhookSecretStopsTheStart() {
        refused("callmask.carriers.msg91.webhook-secret must be 32 to 128", "--callmask.carriers.msg91.enabled=true",
                "--callmask.carriers.msg91.auth-key=key");
    }

    @Test
    void recordingByDefaultWithNumbersOfACarrierThatCannotRecordStopsTheStart() {
        refused("callmask.recording.default is true, but numbers belong to carriers that cannot record: "
                        + "{+91 80•••••002=knowlarity}", "--callmask.recording.default=true",
                "--callmask.carriers.knowlarity.enabled=true", "--callmask.carriers.knowlarity.sr-api-key=sr",
                "--callmask.carriers.knowlarity.api-key=key", "--callmask.carriers.knowlarity.numbers=+918047180002");
    }
}
