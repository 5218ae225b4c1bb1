package io.callmask.carrier.knowlarity;

import io.callmask.carrier.BridgedCall;
import io.callmask.carrier.BridgingCarrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link BridgingCarrier} port on Knowlarity's click-to-call, {@code POST
 * /{channel}/v1/account/call/makecall} over {@code java.net.http} (JSON; bare {@code Authorization} SR
 * key and {@code x-api-key}): Knowlarity rings {@code agent_number}, then {@code customer_number}, over
 * {@code k_number}, showing {@code caller_id} to both, and answers a {@code call_id}. Knowlarity documents
 * no status webhook and no call-details API with status words, so callmask learns nothing after the
 * call is placed; nothing else is built (docs/carriers.md#knowlarity).
 */
@Component
@KnowlarityEnabled
class KnowlarityCarrier implements BridgingCarrier {

    static final String NAME = "knowlarity";

    private final KnowlarityProperties properties;
    private final JsonMapper json;
    private final CarrierHttp http = new CarrierHttp("Knowlarity");

    KnowlarityCarrier(KnowlarityProperties properties, JsonMapper json) {
        properties.requireComplete();
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: Knowlarity documents no recording control, whisper, menu, foreign caller ID or webhooks. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL);
    }

    /** @return Knowlarity's {@code success.call_id}, the caller leg's id */
    @Override
    public String placeBridge(BridgedCall call) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/" + properties.channel()
                            + "/v1/account/call/makecall"))
                    .timeout(Duration.ofSeconds(15)).header("Authorization", properties.srApiKey())
                    .header("x-api-key", properties.apiKey()).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(call)))).build(), "the call");
        String callId = callId(response);
        if (callId == null) {
            // the status only: Knowlarity's message may quote a number
            throw new CarrierException("Knowlarity refused the call (HTTP " + response.statusCode() + ")", null);
        }
        return callId;
    }

    /**
     * The request body, numbers in E.164 with '+' as Knowlarity's examples write them; {@code k_number}
     * and {@code caller_id} are both the caller's masked number (the Knowlarity number bridging the call and
     * the number both parties see); our call id rides in {@code additional_params}.
     */
    static Map<String, Object> body(BridgedCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("k_number", call.callerId().e164());
        body.put("agent_number", call.caller().e164());
        body.put("customer_number", call.callee().e164());
        body.put("caller_id", call.callerId().e164());
        body.put("additional_params", Map.of("uniqueid", call.callId()));
        return body;
    }

    /** {@code success.call_id} of a 2xx {@code {"success":{"status":"success",…}}}, else null. */
    private String callId(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            return null;
        }
        try {
            JsonNode success = json.readTree(response.body()).path("success");
            if (!"success".equals(success.path("status").asString(null))) {
                return null;
            }
            return WebhookInput.sid(success.path("call_id").asString(null));
        } catch (JacksonException | Problem e) {
            return null; // not the documented answer, or a call id we could not store
        }
    }

    private String base() {
        return properties.apiBaseUrl().toString().replaceAll("/+$", "");
    }
}
