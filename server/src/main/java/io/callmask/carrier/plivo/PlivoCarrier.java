package io.callmask.carrier.plivo;

import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.OutboundCall;
import io.callmask.carrier.RecordingMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Carrier} port on Plivo's Voice API over {@code java.net.http} (plivo-java 5.x is not
 * served here; 4.15.0 is, but drags 2016-era Jackson, OkHttp and JAXB into Boot 4): {@code POST
 * /v1/Account/{auth_id}/Call/} (JSON, snake_case, HTTP Basic) places the first leg; recordings are
 * {@code GET}/{@code DELETE /v1/Account/{auth_id}/Recording/{id}/}.
 */
@Component
@PlivoEnabled
class PlivoCarrier implements Carrier {

    static final String NAME = "plivo";

    /** Plivo recording ids are UUIDs; anything else never reaches a URL path. */
    static final Pattern RECORDING_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final PlivoProperties properties;
    private final PlivoWebhooks webhooks;
    private final JsonMapper json;
    private final CarrierHttp http = new CarrierHttp("Plivo");

    PlivoCarrier(PlivoProperties properties, PlivoWebhooks webhooks, JsonMapper json) {
        properties.requireComplete();
        this.properties = properties;
        this.webhooks = webhooks;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Not {@code FOREIGN_CALLER_ID}: a caller ID must be a Plivo number or a verified caller ID. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN, CarrierFeature.RECORDING,
                CarrierFeature.HUB_MENU, CarrierFeature.WHISPER,                CarrierFeature.SIGNED_WEBHOOKS);
    }

    /**
     * The answer's {@code request_uuid} is not the leg's {@code CallUUID}, so the leg is known from
     * its first callback (ring_url).
     */
    @Override
    public String placeCall(OutboundCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", PlivoXml.digits(call.callerId()));
        body.put("to", PlivoXml.digits(call.to()));
        body.put("answer_url", webhooks.connect(call.callId()));
        body.put("answer_method", "POST");
        body.put("ring_url", webhooks.callerStatus(call.callId()));
        body.put("ring_method", "POST");
        body.put("hangup_url", webhooks.callerStatus(call.callId()));
        body.put("hangup_method", "POST");
        body.put("ring_timeout", call.ringTimeout().toSeconds());
        body.put("time_limit", call.timeLimit().toSeconds());
        HttpResponse<String> response = send(request("/Call/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "the call");
        if (response.statusCode() / 100 != 2) {
            throw refused("the call", response);
        }
        return null;
    }

    /** The recording object names its {@code recording_url}. */
    @Override
    public Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        HttpResponse<String> resource = send(request(recordingPath(carrierRecordingSid)).GET(), "the recording");
        if (resource.statusCode() == 404) {
            return Optional.empty();
        }
        if (resource.statusCode() != 200) {
            throw refused("the recording", resource);
        }
        JsonNode url = json.readTree(resource.body()).get("recording_url");
        if (url == null || !url.asString().matches("https?://.+")) {
            throw new CarrierException("Plivo's recording names no recording URL", null);
        }
        // a link past its expiry (403, 404): the audio is not to be had any more
        return http.media(HttpRequest.newBuilder(URI.create(url.asString())).timeout(Duration.ofSeconds(30)).GET()
                .build(), "audio/mpeg", Set.of(403, 404));
    }

    @Override
    public void deleteRecording(String carrierRecordingSid) {
        HttpResponse<String> response = send(request(recordingPath(carrierRecordingSid)).DELETE(), "the recording");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) { // 404: already gone
            throw refused("deleting the recording", response);
        }
    }

    private static String recordingPath(String id) {
        if (id == null || !RECORDING_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Plivo recording id");
        }
        return "/Recording/" + id + "/";
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
        String basic = Base64.getEncoder().encodeToString((properties.authId() + ":" + properties.authToken())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/v1/Account/" + properties.authId() + path))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        return http.send(request.build(), what);
    }

    /** The HTTP status only: Plivo's {@code error} text may quote the number. */
    private static CarrierException refused(String what, HttpResponse<String> response) {
        return new CarrierException("Plivo refused " + what + " (HTTP " + response.statusCode() + ")", null);
    }
}
