package io.callmask.carrier.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plivo's signature V3 against fixed vectors. No official V3 vector is published; these were computed
 * with the released com.plivo:plivo-java:4.15.0 jar's Utils.computeSignatureV3 and, separately, with
 * plivo-python's signature_v3 algorithm, which agree (see docs/carriers.md#plivo).
 */
class SignatureV3Test {

    private static final String URL = "https://callmask.example.com/carrier/plivo/voice/answer";
    private static final SignatureV3 V3 = new SignatureV3("my_auth_token");

    private static Map<String, List<String>> params() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("CallUUID", List.of("c6a2b3c4-1111-2222-3333-444455556666"));
        p.put("From", List.of("+919876543210"));
        p.put("To", List.of("+918045678901"));
        p.put("Direction", List.of("inbound"));
        p.put("CallStatus", List.of("ringing"));
        return p;
    }

    @Test
    void aPostWithoutQueryMatchesTheSdksSignature() {
        assertThat(V3.compute(URL, params(), "12345", true)).isEqualTo("Yu5jT6G2fMX0WkuR7T4L1uQnP/0zQmR1v78Yblo89ow=");
        assertThat(V3.valid(URL, params(), "12345", "zzz,Yu5jT6G2fMX0WkuR7T4L1uQnP/0zQmR1v78Yblo89ow=")).isTrue();
    }

    @Test
    void aPostWithAQuerySignsTheSortedQueryThenADotThenTheForm() {
        assertThat(V3.compute(URL + "?leg=L123&a=1", params(), "12345", true))
                .isEqualTo("aexIBfkM0L2DAhZdE5ZdBWEqe3xUbQc/aiDkhWVYejk=");
    }

    @Test
    void anotherNonceTokenParameterOrUrlIsRefused() {
        String good = "Yu5jT6G2fMX0WkuR7T4L1uQnP/0zQmR1v78Yblo89ow=";
        assertThat(V3.valid(URL, params(), "12346", good)).isFalse();
        assertThat(new SignatureV3("other").valid(URL, params(), "12345", good)).isFalse();
        Map<String, List<String>> altered = params();
        altered.put("To", List.of("+918045678902"));
        assertThat(V3.valid(URL, altered, "12345", good)).isFalse();
        assertThat(V3.valid(URL + "x", params(), "12345", good)).isFalse();
        assertThat(V3.valid(URL, params(), null, good)).isFalse();
        assertThat(V3.valid(URL, params(), "12345", null)).isFalse();
    }

    @Test
    void thePortIsSignedEitherWayBecauseTheSdksDisagree() {
        String withPort = V3.compute("http://localhost:8080/webhooks/plivo/voice", params(), "n", true);
        String without = V3.compute("http://localhost:8080/webhooks/plivo/voice", params(), "n", false);
        assertThat(withPort).isNotEqualTo(without);
        assertThat(V3.valid("http://localhost:8080/webhooks/plivo/voice", params(), "n", withPort)).isTrue();
        assertThat(V3.valid("http://localhost:8080/webhooks/plivo/voice", params(), "n", without)).isTrue();
    }
}
