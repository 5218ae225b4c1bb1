package io.callmask.carrier.exotel;

import io.callmask.carrier.BridgedCall;
import io.callmask.carrier.BridgingCarrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.web.PublicBaseUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link BridgingCarrier} port on Exotel's "connect two numbers" API, {@code POST
 * /v1/Accounts/<sid>/Calls/connect.json} (form, HTTP Basic): Exotel rings {@code From}, then
 * {@code To}, both showing {@code CallerId} (an ExoPhone), and posts the call's end to our
 * {@code StatusCallback} with our call id as {@code CustomField}. Dial-ins are steered by the
 * ExoPhone's applet flow ({@link ExotelWebhookController}). No recording, whisper or hub menu is
 * built: none is documented well enough to rely on (docs/carriers.md#exotel).
 */
@Component
@ExotelEnabled
class ExotelCarrier implements BridgingCarrier {

    static final String NAME = "exotel";
    /** Exotel's documented maximum ring time ("mandated by TRAI", its support says). */
    static final Duration MAX_RING = Duration.ofSeconds(60);
    /** Exotel's documented maximum {@code TimeLimit}. */
    static final Duration MAX_TIME_LIMIT = Duration.ofSeconds(14400);

    private final ExotelProperties properties;
    private final java.util.function.UnaryOperator<String> publicUrl;
    private final JsonMapper json;
    private final CarrierHttp http = new CarrierHttp("Exotel");

    @org.springframework.beans.factory.annotation.Autowired
    ExotelCarrier(ExotelProperties properties, PublicBaseUrl publicBaseUrl, JsonMapper json) {
        this(properties, publicBaseUrl::resolve, json);
    }

    /** With {@code publicUrl} resolving our paths to the URLs Exotel calls back (a test passes its own). */
    ExotelCarrier(ExotelProperties properties, java.util.function.UnaryOperator<String> publicUrl, JsonMapper json) {
        properties.requireComplete();
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: no recording delete API, no whisper or menu documented by Exotel, no foreign caller ID, no signature. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN);
    }

    /** Exotel's answer names the call ({@code Call.Sid}); it becomes the caller leg's id. */
    @Override
    public String placeBridge(BridgedCall call) {
        String statusUrl = publicUrl.apply(ExotelWebhookController.BASE + "/" + properties.webhookSecret()
                + "/status");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(connectUrl()))
                    .timeout(Duration.ofSeconds(15)).header("Authorization", basic())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(body(call, statusUrl)))).build(), "the call");
        String sid = response.statusCode() / 100 == 2 ? sid(response.body()) : null;
        if (sid == null) {
            // the status only: Exotel's RestException message may quote a number
            throw new CarrierException("Exotel refused the call (HTTP " + response.statusCode() + ")", null);
        }
        return sid;
    }

    /**
     * The form, in Exotel's documented names: E.164 numbers ("preferably in E.164"), the ring and
     * talk limits clamped to Exotel's maxima, the terminal and answered events as JSON, our call id.
     */
    static Map<String, String> body(BridgedCall call, String statusUrl) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("From", call.caller().e164());
        body.put("To", call.callee().e164());
        body.put("CallerId", call.callerId().e164());
        body.put("CallType", "trans");
        body.put("TimeLimit", String.valueOf(clamp(call.timeLimit(), MAX_TIME_LIMIT)));
        body.put("TimeOut", String.valueOf(clamp(call.ringTimeout(), MAX_RING)));
        body.put("StatusCallback", statusUrl);
        body.put("StatusCallbackEvents[0]", "terminal");
        body.put("StatusCallbackEvents[1]", "answered");
        body.put("StatusCallbackContentType", "application/json");
        body.put("CustomField", call.callId());
        return body;
    }

    private static long clamp(Duration value, Duration max) {
        return Math.max(1, Math.min(value.toSeconds(), max.toSeconds()));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private String sid(String body) {
        try {
            JsonNode sid = json.readTree(body).path("Call").get("Sid");
            return sid == null || !sid.isString() || !sid.asString().matches("[A-Za-z0-9_-]{1,64}") ? null
                    : sid.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    private String connectUrl() {
        return properties.apiBaseUrl().toString().replaceAll("/+$", "") + "/v1/Accounts/" + properties.accountSid()
                + "/Calls/connect.json";
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((properties.apiKey() + ":" + properties.apiToken())
                .getBytes(StandardCharsets.UTF_8));
    }
}
