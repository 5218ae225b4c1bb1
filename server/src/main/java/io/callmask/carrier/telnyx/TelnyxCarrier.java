package io.callmask.carrier.telnyx;

import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.OutboundCall;
import io.callmask.carrier.RecordingMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The {@link Carrier} port on Telnyx's TeXML REST API, over {@code java.net.http} (Telnyx's Java SDK
 * is not served here): {@code POST /v2/texml/Accounts/{account}/Calls} (JSON, Bearer key) places the
 * first leg; recordings are {@code GET}/{@code DELETE /v2/texml/Accounts/{account}/Recordings/{sid}.json}.
 */
@Component
@TelnyxEnabled
class TelnyxCarrier implements Carrier {

    static final String NAME = "telnyx";

    /** Telnyx recording ids are UUIDs; anything else never reaches a URL path. */
    static final Pattern RECORDING_SID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final TelnyxProperties properties;
    private final TelnyxWebhooks webhooks;
    private final JsonMapper json;
    private final CarrierHttp http = new CarrierHttp("Telnyx");

    TelnyxCarrier(TelnyxProperties properties, TelnyxWebhooks webhooks, JsonMapper json) {
        properties.requireComplete();
        this.properties = properties;
        this.webhooks = webhooks;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Not {@code FOREIGN_CALLER_ID}: a caller ID must be allowed by the application's Outbound Voice Profile. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN, CarrierFeature.RECORDING,
                CarrierFeature.HUB_MENU, CarrierFeature.WHISPER,                CarrierFeature.SIGNED_WEBHOOKS);
    }

    /**
     * Places the first leg. The answer names no call id ({@code from}, {@code to}, {@code status}),
     * so the leg is known from its first callback; an id in the answer is used when present.
     */
    @Override
    public String placeCall(OutboundCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ApplicationSid", properties.applicationSid());
        body.put("To", call.to().e164());
        body.put("From", call.callerId().e164());
        body.put("Url", webhooks.connect(call.callId()));
        body.put("UrlMethod", "POST");
        body.put("StatusCallback", webhooks.status(call.callId(), "caller"));
        body.put("StatusCallbackEvent", "initiated ringing answered completed");
        body.put("StatusCallbackMethod", "POST");
        body.put("Timeout", call.ringTimeout().toSeconds());
        body.put("TimeLimit", call.timeLimit().toSeconds());
        HttpResponse<String> response = send(request(accountPath("/Calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "the call");
        if (response.statusCode() / 100 != 2) {
            throw refused("the call", response);
        }
        JsonNode answer = json.readTree(response.body());
        for (String field : new String[] {"call_sid", "sid"}) {
            if (answer.hasNonNull(field) && answer.get(field).asString().matches("[A-Za-z0-9][A-Za-z0-9:_-]{1,63}")) {
                return answer.get(field).asString();
            }
        }
        return null;
    }

    /** The recording resource names its {@code media_url}, a short-lived link that needs no key. */
    @Override
    public Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        HttpResponse<String> resource = send(request(recordingPath(carrierRecordingSid)).GET(), "the recording");
        if (resource.statusCode() == 404) {
            return Optional.empty();
        }
        if (resource.statusCode() != 200) {
            throw refused("the recording", resource);
        }
        JsonNode media = json.readTree(resource.body()).get("media_url");
        if (media == null || !media.asString().matches("https?://.+")) {
            throw new CarrierException("Telnyx's recording names no media URL", null);
        }
        // a link past its expiry (403, 404): the audio is not to be had any more
        return http.media(HttpRequest.newBuilder(URI.create(media.asString())).timeout(Duration.ofSeconds(30)).GET()
                .build(), "audio/mpeg", Set.of(403, 404));
    }

    @Override
    public void deleteRecording(String carrierRecordingSid) {
        HttpResponse<String> response = send(request(recordingPath(carrierRecordingSid)).DELETE(), "the recording");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) { // 404: already gone
            throw refused("deleting the recording", response);
        }
    }

    private String recordingPath(String sid) {
        if (sid == null || !RECORDING_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a Telnyx recording id");
        }
        return accountPath("/Recordings/" + sid + ".json");
    }

    private String accountPath(String rest) {
        return "/v2/texml/Accounts/" + properties.accountSid() + rest;
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        return http.send(request.build(), what);
    }

    /** Telnyx's {@code errors[0].code} and the HTTP status; never its detail, which may quote a number. */
    private CarrierException refused(String what, HttpResponse<String> response) {
        String code = "?";
        try {
            JsonNode errors = json.readTree(response.body()).get("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).hasNonNull("code")) {
                code = errors.get(0).get("code").asString().replaceAll("[^0-9A-Za-z_-]", "");
            }
        } catch (RuntimeException notJson) {
            // the status alone then
        }
        return new CarrierException("Telnyx refused " + what + " (error " + code + ", HTTP " + response.statusCode()
                + ")", null);
    }
}
