package io.callmask.carrier.knowlarity;

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
import io.callmask.core.number.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KnowlarityCarrierTest {

    private static final String PATH = "/Basic/v1/account/call/makecall";
    private final WireMockServer fake = new WireMockServer(options().dynamicPort());
    private KnowlarityCarrier carrier;

    private static final BridgedCall CALL = new BridgedCall("call_0123456789abcdef01234567",
            PhoneNumber.ofE164("+919876543210"), PhoneNumber.ofE164("+919812345678"),
            PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(30), Duration.ofHours(4));

    @BeforeEach
    void start() {
        fake.start();
        carrier = new KnowlarityCarrier(new KnowlarityProperties("sr-key-uuid", "app-access-key", null,
                URI.create(fake.baseUrl())), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void makecallSendsTheBareSrKeyTheAccessKeyAndTheCallersMaskedNumberAsKNumberAndCallerId() {
        fake.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"success":{"status":"success","message":"Call successfully placed",
                         "call_id":"29ecc330-a617-4529-ac19-ffe0dcacd7df"}}""")));
        assertThat(carrier.placeBridge(CALL)).isEqualTo("29ecc330-a617-4529-ac19-ffe0dcacd7df");
        fake.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("sr-key-uuid"))
                .withHeader("x-api-key", equalTo("app-access-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"k_number":"+918047180001","agent_number":"+919876543210",
                         "customer_number":"+919812345678","caller_id":"+918047180001",
                         "additional_params":{"uniqueid":"call_0123456789abcdef01234567"}}""")));
    }

    @Test
    void anAnswerWithoutASuccessfulCallIdIsACarrierErrorThatQuotesNoNumber() {
        for (String answer : new String[] {"{\"error\":{\"message\":\"+919812345678 is DND\"}}",
                "{\"success\":{\"status\":\"failure\",\"call_id\":\"abc-123\"}}",
                "{\"success\":{\"status\":\"success\",\"call_id\":\"a b\"}}", "not json"}) {
            fake.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(answer)));
            assertThatThrownBy(() -> carrier.placeBridge(CALL)).as(answer).isInstanceOf(CarrierException.class)
                    .hasMessage("Knowlarity refused the call (HTTP 200)");
        }
    }

    @Test
    void missingKeysStopTheStart() {
        assertThatThrownBy(() -> new KnowlarityCarrier(new KnowlarityProperties("k", " ", null, null),
                JsonMapper.builder().build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callmask.carriers.knowlarity.api-key is empty");
    }
}
