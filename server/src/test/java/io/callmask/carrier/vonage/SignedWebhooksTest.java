package io.callmask.carrier.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Vonage's signed webhooks: an HS256 JWT keyed with the signature secret, fresh, hashing the body. */
class SignedWebhooksTest {

    /** From the official SDK's test, VoiceClientTest.testVerifySignature (vonage-java-sdk). */
    static final String SDK_SECRET = "XsA09z2MhUxYcdbXaUX3aTT7TzGmnCLfkdILf0NIyC9hN9criTEUdlI3OZ5hRjR";
    static final String SDK_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJTaW5hIiwibmFtZSI6IkphdmFfU0RLIiwi"
            + "aWF0IjoxNjk4NjgwMzkyfQ.4qJpi46NSYURiLI1xoLIfGRygA8IUI2QSG9P2Kus1Oo";

    static final String SECRET = "test-signature-secret";
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final byte[] BODY = "{\"status\":\"answered\",\"uuid\":\"63f61863-4a51-4f6b-86e1-46edebcf9356\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final SignedWebhooks webhooks = new SignedWebhooks(SECRET, "abcd1234", Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theSdksOwnVectorVerifiesAndItsAlteredSignatureDoesNot() throws Exception {
        SignedWebhooks sdk = new SignedWebhooks(SDK_SECRET, null, Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1698680392), ZoneOffset.UTC));
        assertThat(sdk.signedWithSecret(SignedJWT.parse(SDK_TOKEN))).isTrue();
        String altered = SDK_TOKEN.substring(0, SDK_TOKEN.lastIndexOf('.') + 1)
                + "XsaXHXqxe2kfIbPy-JH2J6hfbHnEv8jdWsOhEuvzU98";
        assertThat(sdk.signedWithSecret(SignedJWT.parse(altered))).isFalse();
        // the vector has no payload_hash: it passes for a GET (no body), not for a POST
        assertThat(sdk.valid("Bearer " + SDK_TOKEN, new byte[0])).isTrue();
        assertThat(sdk.valid("Bearer " + SDK_TOKEN, BODY)).isFalse();
    }

    @Test
    void aGoodSignatureOverThisBodyPasses() {
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW, hash(BODY), "abcd1234"), BODY)).isTrue();
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("answered", "completed")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW, hash(BODY), "abcd1234"), tampered)).isFalse();
    }

    @Test
    void anotherSecretIsRefused() {
        assertThat(webhooks.valid("Bearer " + token("other-secret", NOW, hash(BODY), "abcd1234"), BODY)).isFalse();
    }

    @Test
    void aStaleOrFutureTokenIsRefusedAndOneWithinTheToleranceIsNot() {
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW.minusSeconds(301), hash(BODY), "abcd1234"), BODY))
                .isFalse();
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW.plusSeconds(301), hash(BODY), "abcd1234"), BODY))
                .isFalse();
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW.minusSeconds(299), hash(BODY), "abcd1234"), BODY))
                .isTrue();
    }

    @Test
    void anotherAccountsApiKeyIsRefused() {
        assertThat(webhooks.valid("Bearer " + token(SECRET, NOW, hash(BODY), "other-key"), BODY)).isFalse();
    }

    @Test
    void aTokenWithoutIatOrPayloadHashIsRefused() {
        String noIat = sign(SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"payload_hash\":\"" + hash(BODY) + "\",\"api_key\":\"abcd1234\"}");
        assertThat(webhooks.valid("Bearer " + noIat, BODY)).isFalse();
        String noHash = sign(SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"iat\":" + NOW.getEpochSecond() + ",\"api_key\":\"abcd1234\"}");
        assertThat(webhooks.valid("Bearer " + noHash, BODY)).isFalse();
    }

    @Test
    void otherAlgorithmsAndShapesAreRefused() {
        String claims = "{\"iat\":" + NOW.getEpochSecond() + ",\"payload_hash\":\"" + hash(BODY)
                + "\",\"api_key\":\"abcd1234\"}";
        String none = b64("{\"alg\":\"none\"}") + "." + b64(claims) + ".";
        assertThat(webhooks.valid("Bearer " + none, BODY)).isFalse();
        String hs512 = sign(SECRET, "{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims);
        assertThat(webhooks.valid("Bearer " + hs512, BODY)).isFalse();
        assertThat(webhooks.valid(null, BODY)).isFalse();
        assertThat(webhooks.valid("Basic " + token(SECRET, NOW, hash(BODY), "abcd1234"), BODY)).isFalse();
        assertThat(webhooks.valid("Bearer not.a.jwt", BODY)).isFalse();
        assertThat(webhooks.valid("Bearer ", BODY)).isFalse();
    }

    static String hash(byte[] body) {
        return SignedWebhooks.sha256Hex(body);
    }

    /** Written with the JDK alone, independently of the class under test. */
    static String token(String secret, Instant iat, String payloadHash, String apiKey) {
        return sign(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"iat\":" + iat.getEpochSecond()
                + ",\"jti\":\"e8a4ce0a-6b3c-4c02-9a3f-5f1c6c8fbd10\",\"iss\":\"Vonage\",\"payload_hash\":\""
                + payloadHash + "\",\"api_key\":\"" + apiKey + "\",\"application_id\":\"aaaaaaaa-bbbb-cccc-dddd-0123456789ab\"}");
    }

    static String sign(String secret, String header, String claims) {
        String input = b64(header) + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
