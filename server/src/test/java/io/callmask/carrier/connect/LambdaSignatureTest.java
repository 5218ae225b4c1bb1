package io.callmask.carrier.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * callmask's own Lambda signature. The vector was computed outside Java with
 * {@code printf '%s' '1764064800.{"Name":"ContactFlowEvent"}' | openssl dgst -sha256 -hmac '<secret>'},
 * and the Lambda in docs/carriers/connect-lambda.mjs produces the same header.
 */
class LambdaSignatureTest {

    private static final String SECRET = "test-secret-0123456789abcdef-0123456789";
    private static final String TIMESTAMP = "1764064800"; // 2025-11-25T10:00:00Z
    private static final byte[] BODY = "{\"Name\":\"ContactFlowEvent\"}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR = "v1=d33a71e17491d44b2a0072779c85730c2808d8cea90766f22a0fd77ca58c4b11";

    private static LambdaSignature at(Instant now) {
        return new LambdaSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final Instant SENT = Instant.ofEpochSecond(1764064800L);

    @Test
    void signsTimestampDotBodyAsTheVectorSays() {
        assertThat(LambdaSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(VECTOR);
    }

    @Test
    void acceptsTheVectorWithinTheTolerance() {
        assertThat(at(SENT).valid(VECTOR, TIMESTAMP, BODY)).isTrue();
        assertThat(at(SENT.plusSeconds(300)).valid(VECTOR, TIMESTAMP, BODY)).isTrue();
        assertThat(at(SENT.minusSeconds(300)).valid(VECTOR, TIMESTAMP, BODY)).isTrue();
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        assertThat(at(SENT.plusSeconds(301)).valid(VECTOR, TIMESTAMP, BODY)).isFalse();
        assertThat(at(SENT.minusSeconds(301)).valid(VECTOR, TIMESTAMP, BODY)).isFalse();
    }

    @Test
    void refusesAnotherBodyTimestampOrSecret() {
        LambdaSignature now = at(SENT);
        assertThat(now.valid(VECTOR, TIMESTAMP, "{\"Name\":\"ContactFlowEvent\" }".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(now.valid(LambdaSignature.sign(SECRET, "1764064801", BODY), TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(LambdaSignature.sign("other-" + SECRET, TIMESTAMP, BODY), TIMESTAMP, BODY)).isFalse();
    }

    @Test
    void refusesMalformedHeadersWithoutThrowing() {
        LambdaSignature now = at(SENT);
        assertThat(now.valid(null, TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(VECTOR, null, BODY)).isFalse();
        assertThat(now.valid(VECTOR.toUpperCase(), TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(VECTOR.substring(3), TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(VECTOR + "00", TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(VECTOR, "1764064800.5", BODY)).isFalse();
        assertThat(now.valid(VECTOR, "-1764064800", BODY)).isFalse();
        assertThat(now.valid(VECTOR, " " + TIMESTAMP, BODY)).isFalse();
        assertThat(now.valid(VECTOR, "9".repeat(13), BODY)).isFalse();
    }
}
