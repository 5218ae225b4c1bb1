package io.callmask.carrier.vonage;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.voice.CarrierHttp;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.OutboundCall;
import io.callmask.carrier.RecordingMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Carrier} port on Vonage's Voice API over {@code java.net.http}: {@code POST /v1/calls}
 * (JSON, {@code Authorization: Bearer} an RS256 JWT signed with the Application's private key)
 * places the first leg with our answer and event URLs; a recording is the file its
 * {@code recording_url} names, {@code GET}/{@code DELETE /v1/files/{id}} with the same JWT.
 */
@Component
@VonageEnabled
class VonageCarrier implements Carrier {

    static final String NAME = "vonage";

    /** The file id at the end of a recording_url; anything else never reaches a URL path. */
    static final Pattern FILE_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final VonageProperties properties;
    private final VonageWebhooks webhooks;
    private final JsonMapper json;
    private final Clock clock;
    private final PrivateKey key;
    private final CarrierHttp http = new CarrierHttp("Vonage");

    VonageCarrier(VonageProperties properties, VonageWebhooks webhooks, JsonMapper json, Clock clock) {
        properties.requireComplete();
        this.properties = properties;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
        this.key = privateKey(properties.privateKeyPem());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Not {@code FOREIGN_CALLER_ID}: a connect's {@code from} must be a Vonage number or a verified caller ID. */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN, CarrierFeature.RECORDING,
                CarrierFeature.HUB_MENU, CarrierFeature.WHISPER,                CarrierFeature.SIGNED_WEBHOOKS);
    }

    /** Vonage answers the new leg's {@code uuid}, the id its events carry. */
    @Override
    public String placeCall(OutboundCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", List.of(Map.of("type", "phone", "number", Ncco.digits(call.to()))));
        body.put("from", Map.of("type", "phone", "number", Ncco.digits(call.callerId())));
        body.put("answer_url", List.of(webhooks.connect(call.callId())));
        body.put("answer_method", "POST");
        body.put("event_url", List.of(webhooks.legEvents(call.callId(), "caller")));
        body.put("event_method", "POST");
        body.put("ringing_timer", call.ringTimeout().toSeconds());
        body.put("length_timer", call.timeLimit().toSeconds());
        HttpResponse<String> response = send(request("/v1/calls").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "the call");
        if (response.statusCode() / 100 != 2) {
            throw refused("the call", response);
        }
        JsonNode uuid = json.readTree(response.body()).get("uuid");
        return uuid == null || uuid.asString().isBlank() ? null : uuid.asString();
    }

    @Override
    public Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        return http.media(request(filePath(carrierRecordingSid)).timeout(Duration.ofSeconds(30)).GET().build(),
                "audio/mpeg", Set.of(404, 410));
    }

    /**
     * Vonage documents no deletion of a Voice API recording and keeps one for 30 days; this asks for
     * the file's deletion and counts 404 (already gone, or expired) as deleted. Any other refusal
     * leaves it to the next retention run.
     */
    @Override
    public void deleteRecording(String carrierRecordingSid) {
        HttpResponse<String> response = send(request(filePath(carrierRecordingSid)).DELETE(), "the recording");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404 && response.statusCode() != 410) {
            throw refused("deleting the recording", response);
        }
    }

    private static String filePath(String id) {
        if (id == null || !FILE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Vonage recording file id");
        }
        return "/v1/files/" + id;
    }

    /** A fresh JWT per request: claims as Vonage's SDKs send them (application_id, iat, exp, jti). */
    String jwt() {
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("application_id", properties.applicationId())
                .issueTime(now).expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new CarrierException("the Vonage API token could not be signed", e);
        }
        return jwt.serialize();
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + jwt()).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        return http.send(request.build(), what);
    }

    /** The HTTP status only: Vonage's problem detail may quote the number. */
    private static CarrierException refused(String what, HttpResponse<String> response) {
        return new CarrierException("Vonage refused " + what + " (HTTP " + response.statusCode() + ")", null);
    }

    /** A PKCS#8 PEM RSA key, as the Vonage dashboard downloads it. */
    static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("callmask.carriers.vonage.private-key is not a PKCS#8 PEM RSA private key",
                    e);
        }
    }
}
