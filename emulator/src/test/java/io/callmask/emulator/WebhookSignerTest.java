package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

    @Test
    void signsTheDocumentedVector() {
        assertThat(new WebhookSigner("12345").sign(URL, lists(PARAMS))).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void sdkRequestValidatorAcceptsWhatTheSignerProduces() {
        Map<String, String> params = new LinkedHashMap<>(PARAMS);
        params.put("CallStatus", "in-progress");
        params.put("Say", "héllo wörld & more");
        String url = "http://localhost:8080/twilio/voice?tenant=a%20b";
        String signature = new WebhookSigner("s3cret").sign(url, lists(params));

        assertThat(new RequestValidator("s3cret").validate(url, params, signature)).isTrue();
        assertThat(new RequestValidator("other").validate(url, params, signature)).isFalse();
    }

    @Test
    void repeatedNamesContributeEachValueSorted() {
        var signer = new WebhookSigner("12345");
        assertThat(signer.sign(URL, Map.of("A", List.of("2", "1"))))
                .isEqualTo(signer.sign(URL, Map.of("A", List.of("1", "2"))));
    }

    private static Map<String, List<String>> lists(Map<String, String> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }
}
