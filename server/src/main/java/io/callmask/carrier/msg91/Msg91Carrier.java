package io.callmask.carrier.msg91;

import io.callmask.carrier.BridgedCall;
import io.callmask.carrier.BridgingCarrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.core.number.PhoneNumber;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link BridgingCarrier} port on MSG91's voice click-to-call, {@code POST /api/v5/voice/call/ctc}
 * over {@code java.net.http} (JSON, header {@code authkey}): MSG91 rings {@code destination}, then
 * {@code destinationB}, both showing {@code caller_id}, and reports the call to the "Report Received"
 * webhook with our {@code CRQID}. Nothing else is documented, so nothing else is built: no dial-in,
 * menu, whisper, recording or signature (docs/carriers.md#msg91).
 */
@Component
@Msg91Enabled
class Msg91Carrier implements BridgingCarrier {

    static final String NAME = "msg91";
    static final String CTC_PATH = "/api/v5/voice/call/ctc";

    private final Msg91Properties properties;
    private final JsonMapper json;
    private final CarrierHttp http = new CarrierHttp("MSG91");

    Msg91Carrier(Msg91Properties properties, JsonMapper json) {
        properties.requireComplete();
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: MSG91 documents no recording, whisper, menu, foreign caller ID or webhook signature. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL);
    }

    /** MSG91's answer names no call id we could rely on; the report's {@code uuid} becomes the leg's id. */
    @Override
    public String placeBridge(BridgedCall call) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + CTC_PATH))
                    .timeout(Duration.ofSeconds(15)).header("authkey", properties.authKey())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(call)))).build(), "the call");
        if (response.statusCode() / 100 != 2 || !"success".equals(type(response.body()))) {
            // the status only: MSG91's message may quote a number
            throw new CarrierException("MSG91 refused the call (HTTP " + response.statusCode() + ")", null);
        }
        return null;
    }

    /** The request body: numbers as country code and digits without '+', as MSG91's examples write them. */
    static Map<String, Object> body(BridgedCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caller_id", digits(call.callerId()));
        body.put("destination", digits(call.caller()));
        body.put("destinationB", List.of(digits(call.callee())));
        body.put("CRQID", call.callId());
        return body;
    }

    static String digits(PhoneNumber number) {
        return number.e164().substring(1);
    }

    private String type(String body) {
        try {
            var type = json.readTree(body).get("type");
            return type == null ? null : type.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    private String base() {
        return properties.apiBaseUrl().toString().replaceAll("/+$", "");
    }
}
