package io.callmask.carrier.telnyx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Telnyx's Ed25519 webhook check against fixed vectors: the key pair of telnyx-java's own
 * WebhookVerificationTest, signatures computed independently with the JDK (Ed25519 is deterministic).
 */
class Ed25519WebhooksTest {

    private static final String PUBLIC_KEY = "jrMBoswHlhhVx2W2Www72WU/xn4UMpjreslD0m2u0qs=";
    private static final String TIMESTAMP = "1700000000";
    private static final String FORM = "AccountSid=f5586561-8ff0-4291-a51b-c7dfe4139ff9&CallSid=v3%3A9X2vxPDFY2RHSJ1EdMS0"
            + "RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ&CallStatus=ringing&From=%2B35319605860&To=%2B13129457420";
    private static final String FORM_SIGNATURE =
            "ktqx7eD+lMgRbxdNR+Dq2W8DIAxVstlIGb+0fr5/0ckX4lUZDTqlMeusaNDSCEEpas7kWHYiPPXOV9r3jkMoCw==";
    private static final String JSON_SIGNATURE =
            "7o3u2izfEtn5PFPE0nDvo9y8RErRmfHM5wIO04wRV6VTNaq6RiLj1ehc7uMJuIMihJobi2u3HYyB1Ie61c2XCQ==";

    private static Ed25519Webhooks at(long epochSecond) {
        return new Ed25519Webhooks(PUBLIC_KEY, Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void theDocumentedFormAndJsonVectorsVerify() {
        assertThat(at(1_700_000_010).valid(FORM_SIGNATURE, TIMESTAMP, FORM.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(at(1_700_000_010).valid(JSON_SIGNATURE, TIMESTAMP,
                "{\"event_type\":\"test\",\"id\":\"abc123\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWithAGoodSignature() {
        byte[] body = FORM.getBytes(StandardCharsets.UTF_8);
        assertThat(at(1_700_000_300).valid(FORM_SIGNATURE, TIMESTAMP, body)).isTrue();
        assertThat(at(1_700_000_301).valid(FORM_SIGNATURE, TIMESTAMP, body)).isFalse();
        assertThat(at(1_699_999_699).valid(FORM_SIGNATURE, TIMESTAMP, body)).isFalse();
    }

    @Test
    void anAlteredBodyTimestampOrMalformedSignatureIsRefused() {
        Ed25519Webhooks check = at(1_700_000_000);
        byte[] body = FORM.getBytes(StandardCharsets.UTF_8);
        assertThat(check.valid(FORM_SIGNATURE, TIMESTAMP, FORM.replace("ringing", "completed")
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(check.valid(FORM_SIGNATURE, "1700000001", body)).isFalse();
        assertThat(check.valid(null, TIMESTAMP, body)).isFalse();
        assertThat(check.valid(FORM_SIGNATURE, null, body)).isFalse();
        assertThat(check.valid("not base64!", TIMESTAMP, body)).isFalse();
        assertThat(check.valid("AAAA", TIMESTAMP, body)).isFalse();
        assertThat(check.valid(FORM_SIGNATURE, "-5", body)).isFalse();
        assertThat(check.valid(FORM_SIGNATURE, "1e9", body)).isFalse();
    }

    @Test
    void aPublicKeyThatIsNotThirtyTwoBytesStopsTheStart() {
        assertThatThrownBy(() -> Ed25519Webhooks.publicKey("AAAA")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Ed25519Webhooks.publicKey("%%%")).hasMessageContaining("not Base64");
    }
}
