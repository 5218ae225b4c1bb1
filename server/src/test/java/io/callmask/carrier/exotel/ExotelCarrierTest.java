package io.callmask.carrier.exotel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExotelCarrierTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String CONNECT = "/v1/Accounts/exoacct1/Calls/connect.json";
    private static final BridgedCall CALL = new BridgedCall("call_0123456789abcdef01234567",
            PhoneNumber.ofE164("+919876543210"), PhoneNumber.ofE164("+919812345678"),
            PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(90), Duration.ofHours(5));

    private final WireMockServer fake = new WireMockServer(options().dynamicPort());
    private ExotelCarrier carrier;

    @BeforeEach
    void start() {
        fake.start();
        carrier = new ExotelCarrier(properties(URI.create(fake.baseUrl() + "/")), path -> "https://cm.example" + path,
                JsonMapper.builder().build());
    }

    private static ExotelProperties properties(URI base) {
        return new ExotelProperties("exoacct1", "the-key", "the-token", base, SECRET, List.of());
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void clickToCallIsOneFormPostWithBasicAuthAndTheDocumentedNames() {
        fake.stubFor(post(urlPathEqualTo(CONNECT)).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"Call\":{\"Sid\":\"c5797dcbaaeed7678c4062a4a3ed2f8a\","
                        + "\"ParentCallSid\":null,\"Status\":\"in-progress\"}}")));
        assertThat(carrier.placeBridge(CALL)).isEqualTo("c5797dcbaaeed7678c4062a4a3ed2f8a");
        fake.verify(postRequestedFor(urlPathEqualTo(CONNECT))
                .withHeader("Authorization", equalTo("Basic dGhlLWtleTp0aGUtdG9rZW4=")) // the-key:the-token
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("From=%2B919876543210&To=%2B919812345678&CallerId=%2B918047180001"
                        + "&CallType=trans&TimeLimit=14400&TimeOut=60"
                        + "&StatusCallback=https%3A%2F%2Fcm.example%2Fwebhooks%2Fexotel%2F" + SECRET + "%2Fstatus"
                        + "&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered"
                        + "&StatusCallbackContentType=application%2Fjson&CustomField=call_0123456789abcdef01234567")));
    }

    @Test
    void limitsWithinExotelsMaximaAreSentAsGiven() {
        Map<String, String> body = ExotelCarrier.body(new BridgedCall("call_x", CALL.caller(), CALL.callee(),
                CALL.callerId(), Duration.ofSeconds(25), Duration.ofMinutes(30)), "https://x/status");
        assertThat(body).containsEntry("TimeOut", "25").containsEntry("TimeLimit", "1800");
    }

    @Test
    void anErrorAnswerIsACarrierErrorThatQuotesNoNumber() {
        fake.stubFor(post(urlPathEqualTo(CONNECT)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"RestException\":{\"Status\":400,"
                        + "\"Message\":\"+919812345678 is not a valid number\"}}")));
        assertThatThrownBy(() -> carrier.placeBridge(CALL)).isInstanceOf(CarrierException.class)
                .hasMessage("Exotel refused the call (HTTP 400)").message().doesNotContain("9812345678");
        fake.stubFor(post(urlPathEqualTo(CONNECT)).willReturn(aResponse().withStatus(200).withBody("<xml/>")));
        assertThatThrownBy(() -> carrier.placeBridge(CALL)).hasMessage("Exotel refused the call (HTTP 200)");
    }

    @Test
    void exotelDoesNothingBeyondTheBridgeAndNeverPlacesASingleLeg() {
        assertThat(carrier.features()).containsExactlyInAnyOrder(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN);
        assertThatThrownBy(() -> carrier.placeCall(null)).isInstanceOf(CarrierException.class);
        assertThat(carrier.fetchRecording("anything")).isEmpty();
    }

    @Test
    void anIncompleteConfigurationOrAShortSecretStopsTheStart() {
        assertThatThrownBy(() -> new ExotelProperties("sid", "", "t", null, SECRET, null).requireComplete())
                .hasMessageContaining("callmask.carriers.exotel.api-key is empty");
        assertThatThrownBy(() -> new ExotelProperties("sid", "k", "t", null, "short", null).requireComplete())
                .hasMessageContaining("webhook-secret must be 32 to 128");
        assertThat(new ExotelProperties("sid", "k", "t", null, SECRET, null).apiBaseUrl())
                .hasToString("https://api.exotel.com");
        assertThat(new ExotelProperties("sid", "k", "the-token", null, SECRET, null).toString())
                .doesNotContain("the-token", SECRET);
    }
}
