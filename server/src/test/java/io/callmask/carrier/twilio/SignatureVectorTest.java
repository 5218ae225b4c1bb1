package io.callmask.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import io.callmask.support.TwilioSigner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented vector, checked both by the SDK's validator (ours in production) and by the tests' signer. */
class SignatureVectorTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void theSdkValidatorAcceptsTheVectorAndRejectsAnyChange() {
        RequestValidator validator = new RequestValidator("12345");

        assertThat(validator.validate(URL, PARAMS, SIGNATURE)).isTrue();
        assertThat(validator.validate(URL + "&x=1", PARAMS, SIGNATURE)).isFalse();
        assertThat(new RequestValidator("54321").validate(URL, PARAMS, SIGNATURE)).isFalse();
    }

    @Test
    void theTestsSignerProducesTheVector() {
        assertThat(TwilioSigner.sign("12345", URL, PARAMS)).isEqualTo(SIGNATURE);
    }
}
