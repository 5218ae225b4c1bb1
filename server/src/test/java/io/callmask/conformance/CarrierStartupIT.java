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
    void vonageWithoutItsSignatureSecretStopsTheStart() {
        refused("callmask.carriers.vonage.signature-secret is empty", "--callmask.carriers.vonage.enabled=true",
                "--callmask.carriers.vonage.application-id=aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
                "--callmask.carriers.vonage.private-key=src/test/resources/hostile-vonage.key");
    }

    @Test
    void vonageWithAKeyThatIsNotAnRsaPrivateKeyStopsTheStart() {
        refused("callmask.carriers.vonage.private-key is not a PKCS#8 PEM RSA private key",
                "--callmask.carriers.vonage.enabled=true",
                "--callmask.carriers.vonage.application-id=aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
                "--callmask.carriers.vonage.private-key=-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----",
                "--callmask.carriers.vonage.signature-secret=s");
    }

    @Test
    void amazonConnectWithoutItsWebhookSecretOrWithAShortOneStopsTheStart() {
        refused("callmask.carriers.connect.webhook-secret is empty", "--callmask.carriers.connect.enabled=true",
                "--callmask.carriers.connect.instance-id=" + ConnectDriver.INSTANCE,
                "--callmask.carriers.connect.contact-flow-id=" + ConnectDriver.FLOW);
        refused("callmask.carriers.connect.webhook-secret must be at least 32 characters",
                "--callmask.carriers.connect.enabled=true",
                "--callmask.carriers.connect.instance-id=" + ConnectDriver.INSTANCE,
                "--callmask.carriers.connect.contact-flow-id=" + ConnectDriver.FLOW,
                "--callmask.carriers.connect.webhook-secret=too-short");
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
        refused("callmask.carriers.exotel.webhook-secret must be 32 to 128", "--callmask.carriers.exotel.enabled=true",
                "--callmask.carriers.exotel.account-sid=sid", "--callmask.carriers.exotel.api-key=key",
                "--callmask.carriers.exotel.api-token=token", "--callmask.carriers.exotel.webhook-secret=too-short");
    }

    @Test
    void recordingByDefaultWithNumbersOfACarrierThatCannotRecordStopsTheStart() {
        refused("callmask.recording.default is true, but numbers belong to carriers that cannot record: "
                        + "{+91 80•••••002=knowlarity}", "--callmask.recording.default=true",
                "--callmask.carriers.knowlarity.enabled=true", "--callmask.carriers.knowlarity.sr-api-key=sr",
                "--callmask.carriers.knowlarity.api-key=key", "--callmask.carriers.knowlarity.numbers=+918047180002");
    }
}
