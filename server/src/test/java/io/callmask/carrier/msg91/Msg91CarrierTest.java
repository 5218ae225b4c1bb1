package io.callmask.carrier.msg91;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.callmask.carrier.BridgedCall;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.CarrierFeature;
import io.callmask.core.number.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class Msg91CarrierTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final WireMockServer fake = new WireMockServer(options().dynamicPort());
    private Msg91Carrier carrier;

    private static final BridgedCall CALL = new BridgedCall("call_0123456789abcdef01234567",
            PhoneNumber.ofE164("+919876543210"), PhoneNumber.ofE164("+919812345678"),
            PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(30), Duration.ofHours(4));

    @BeforeEach
    void start() {
        fake.start();
        carrier = new Msg91Carrier(new Msg91Properties("the-auth-key", SECRET, List.of(),
                URI.create(fake.baseUrl() + "/")), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void clickToCallIsOneJsonPostWithTheAuthKeyAndBothNumbersAsDigits() {
        fake.stubFor(post(urlPathEqualTo("/api/v5/voice/call/ctc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"type\":\"success\",\"message\":\"ok\"}")));
        assertThat(carrier.placeBridge(CALL)).as("MSG91's answer names no call id we rely on").isNull();
        fake.verify(postRequestedFor(urlPathEqualTo("/api/v5/voice/call/ctc"))
                .withHeader("authkey", equalTo("the-auth-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"caller_id":"918047180001","destination":"919876543210","destinationB":["919812345678"],
                         "CRQID":"call_0123456789abcdef01234567"}""")));
    }

    @Test
    void anErrorAnswerIsACarrierErrorThatQuotesNoNumber() {
        fake.stubFor(post(urlPathEqualTo("/api/v5/voice/call/ctc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"message\":\"919812345678 is not allowed\"}")));
        assertThatThrownBy(() -> carrier.placeBridge(CALL)).isInstanceOf(CarrierException.class)
                .hasMessage("MSG91 refused the call (HTTP 200)").message().doesNotContain("9812345678");
        fake.stubFor(post(urlPathEqualTo("/api/v5/voice/call/ctc")).willReturn(aResponse().withStatus(401)
                .withBody("unauthorised")));
        assertThatThrownBy(() -> carrier.placeBridge(CALL)).isInstanceOf(CarrierException.class)
                .hasMessage("MSG91 refused the call (HTTP 401)");
    }

    @Test
    void msg91CanDoNothingBeyondTheBridgeAndNeverPlacesASingleLeg() {
        assertThat(carrier.features()).containsExactlyInAnyOrder(CarrierFeature.CLICK_TO_CALL);
        assertThatThrownBy(() -> carrier.placeCall(null)).isInstanceOf(CarrierException.class);
        assertThat(carrier.fetchRecording("anything")).isEmpty();
    }

    @Test
    void aShortOrMissingWebhookSecretStopsTheStart() {
        assertThatThrownBy(() -> new Msg91Carrier(new Msg91Properties("k", "short", List.of(), null),
                JsonMapper.builder().build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callmask.carriers.msg91.webhook-secret");
        assertThatThrownBy(() -> new Msg91Carrier(new Msg91Properties("", SECRET, List.of(), null),
                JsonMapper.builder().build())).hasMessageContaining("callmask.carriers.msg91.auth-key is empty");
    }
}
