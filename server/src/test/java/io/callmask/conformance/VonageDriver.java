package io.callmask.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.callmask.support.VonageSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vonage, as documented (docs/carriers.md#vonage): REST {@code POST /v1/calls} with a JSON body
 * ({@code to}/{@code from} phone endpoints, numbers as digits, {@code answer_url}/{@code event_url}
 * arrays) and an RS256 JWT naming the Application, answering the leg's {@code uuid}; webhooks signed
 * with an HS256 JWT in {@code Authorization} ({@code payload_hash} = SHA-256 of a POST's body): the
 * answer webhook as a GET with query parameters, events and inputs as JSON POSTs; NCCO answers. The
 * callee's events go to the connect action's eventUrl, which is also where the dial's end is answered.
 */
final class VonageDriver implements CarrierDriver {

    static final String APPLICATION_ID = "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab";
    static final String SECRET = "conformance-vonage-signature-secret-0123456789abcdef";
    static final String API_KEY = "cfvonage";
    private static final String DIGITS = "[1-9][0-9]{6,14}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeyPair KEYS = rsa();

    private final Clock clock;
    private String fakeBase;

    VonageDriver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "vonage";
    }

    @Override
    public List<String> settings(String fakeBaseUrl) {
        return List.of("--callmask.carrier=vonage", "--callmask.carriers.twilio.enabled=false",
                "--callmask.carriers.vonage.enabled=true", "--callmask.carriers.vonage.application-id=" + APPLICATION_ID,
                "--callmask.carriers.vonage.private-key=" + keyFile(),
                "--callmask.carriers.vonage.signature-secret=" + SECRET,
                "--callmask.carriers.vonage.api-key=" + API_KEY,
                "--callmask.carriers.vonage.api-base-url=" + fakeBaseUrl);
    }

    @Override
    public void stub(WireMockServer fake) {
        fakeBase = fake.baseUrl();
        fake.stubFor(post(urlPathEqualTo("/v1/calls"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.to[0].type", equalTo("phone")))
                .withRequestBody(matchingJsonPath("$.to[0].number", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.from.type", equalTo("phone")))
                .withRequestBody(matchingJsonPath("$.from.number", matching(DIGITS)))
                .withRequestBody(matchingJsonPath("$.answer_url[0]", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.answer_method", equalTo("POST")))
                .withRequestBody(matchingJsonPath("$.event_url[0]", matching("https?://.+")))
                .withRequestBody(matchingJsonPath("$.event_method", equalTo("POST")))
                .withRequestBody(matchingJsonPath("$.ringing_timer", matching("[0-9]+")))
                .withRequestBody(matchingJsonPath("$.length_timer", matching("[0-9]+")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"uuid\":\"{{randomValue type='UUID'}}\",\"status\":\"started\","
                                + "\"direction\":\"outbound\",\"conversation_uuid\":\"CON-{{randomValue type='UUID'}}\"}")));
    }

    /** Also checks the request's JWT: RS256 by the Application's key, naming the Application. */
    @Override
    public PlacedCall placed(WireMockServer fake, String to) {
        var event = fake.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/calls"))
                .filter(e -> to.equals("+" + JSON.readTree(e.getRequest().getBodyAsString()).path("to").path(0)
                        .path("number").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no Vonage call placed to the number"));
        assertThat(event.getResponse().getStatus()).as("the fake accepted the documented shape").isEqualTo(201);
        try {
            SignedJWT jwt = SignedJWT.parse(event.getRequest().getHeader("Authorization").substring(7));
            assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getStringClaim("application_id")).isEqualTo(APPLICATION_ID);
            assertThat(jwt.getJWTClaimsSet().getIssueTime()).isNotNull();
            assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        } catch (Exception e) {
            throw new AssertionError("the API token is not an RS256 JWT of the Application", e);
        }
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        String uuid = JSON.readTree(event.getResponse().getBodyAsString()).get("uuid").asString();
        return new PlacedCall("+" + body.path("to").path(0).path("number").asString(),
                "+" + body.path("from").path("number").asString(), body.path("answer_url").path(0).asString(),
                body.path("event_url").path(0).asString(), uuid);
    }

    @Override
    public String newCallSid() {
        return UUID.randomUUID().toString();
    }

    /** Our answer_url, fetched with POST (answer_method) and a JSON body. */
    @Override
    public Reply answered(CarrierApp app, PlacedCall call, String callSid) {
        return postJson(call.answerUrl(), answerFields(callSid, call.from(), call.to()), SECRET);
    }

    /** The Application's answer URL with Vonage's default method, GET, the fields in the query. */
    @Override
    public Reply incoming(CarrierApp app, String callSid, String from, String to) {
        return getSigned(app.base + "/webhooks/vonage/answer", answerFields(callSid, to, from), SECRET);
    }

    @Override
    public Reply forgedIncoming(CarrierApp app, String callSid, String from, String to) {
        return getSigned(app.base + "/webhooks/vonage/answer", answerFields(callSid, to, from),
                "not-" + SECRET);
    }

    @Override
    public Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence,
            Integer duration) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("from", "918047180001");
        event.put("to", "919876543210");
        event.put("uuid", callSid);
        event.put("conversation_uuid", "CON-" + UUID.randomUUID());
        event.put("status", word(status));
        event.put("direction", "outbound");
        event.put("timestamp", clock.instant().plusSeconds(sequence).toString());
        if (duration != null) {
            event.put("duration", String.valueOf(duration));
        }
        return postJson(statusUrl, event, SECRET);
    }

    /** The input action's event: the caller's keys in {@code dtmf.digits}, as Vonage posts it. */
    @Override
    public Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits) {
        Map<String, Object> event = answerFields(callSid, to, from);
        event.put("dtmf", Map.of("digits", digits, "timed_out", false));
        event.put("timestamp", clock.instant().toString());
        return postJson(menu.menuActionUrl(), event, SECRET);
    }

    /** The callee's endpoint onAnswer URL, fetched by Vonage with GET when the callee answers. */
    @Override
    public Reply whisper(CarrierApp app, Reply dial, String calleeSid) {
        return getSigned(dial.whisperUrl(), answerFields(calleeSid, dial.dialNumber(), dial.callerId()), SECRET);
    }

    /** The callee's final event to the connect's eventUrl: its answer is what the caller hears next. */
    @Override
    public Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration) {
        return status(app, dial.dialActionUrl(), dialCallSid, status, 9, duration);
    }

    @Override
    public Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds) {
        JsonNode record = null;
        for (JsonNode action : JSON.readTree(dial.body())) {
            if (action.path("action").asString().equals("record")) {
                record = action;
            }
        }
        assertThat(record).as("the NCCO records").isNotNull();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("start_time", "2026-11-25T10:00:00Z");
        event.put("recording_url", fakeBase + "/v1/files/" + recordingSid);
        event.put("size", 12222);
        event.put("recording_uuid", UUID.randomUUID().toString());
        event.put("end_time", java.time.Instant.parse("2026-11-25T10:00:00Z").plusSeconds(seconds).toString());
        event.put("conversation_uuid", "CON-" + UUID.randomUUID());
        event.put("timestamp", clock.instant().toString());
        return postJson(record.path("eventUrl").path(0).asString(), event, SECRET);
    }

    @Override
    public String newRecordingSid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio) {
        String path = "/v1/files/" + recordingSid;
        fake.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(audio)));
        return path;
    }

    /** callmask's wire words as Vonage's call statuses. */
    private static String word(String status) {
        return switch (status) {
            case "in-progress" -> "answered";
            case "no-answer" -> "timeout";
            case "canceled" -> "cancelled";
            default -> status;
        };
    }

    private static Map<String, Object> answerFields(String uuid, String to, String from) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("to", to.replaceFirst("^\\+", ""));
        fields.put("from", from.replaceFirst("^\\+", ""));
        fields.put("endpoint_type", "phone");
        fields.put("conversation_uuid", "CON-" + UUID.randomUUID());
        fields.put("uuid", uuid);
        fields.put("region_url", "https://api-ap-3.vonage.com");
        return fields;
    }

    private Reply postJson(String url, Map<String, Object> body, String secret) {
        String json = JSON.writeValueAsString(body);
        var r = Webhooks.post(url, "application/json", json, List.<String[]>of(
                new String[] {"Authorization", "Bearer " + token(json, secret)}));
        return NccoReplies.read(r.status(), r.body());
    }

    private Reply getSigned(String url, Map<String, Object> query, String secret) {
        String q = query.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        var r = Webhooks.get(url + (url.contains("?") ? "&" : "?") + q, List.<String[]>of(
                new String[] {"Authorization", "Bearer " + token(JSON.writeValueAsString(query), secret)}));
        return NccoReplies.read(r.status(), r.body());
    }

    /** A signed-webhook JWT as Vonage writes it, made with the JDK alone (independent of the adapter). */
    private String token(String payload, String secret) {
        return VonageSigner.bearer(secret, clock.instant(), payload, API_KEY).substring("Bearer ".length());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as the dashboard downloads it: a PKCS#8 PEM file. */
    private static String keyFile() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        try {
            Path file = Files.createTempFile("vonage-conformance", ".key");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an NCCO answer into a {@link CarrierDriver.Reply}. */
    static final class NccoReplies {

        private NccoReplies() {}

        /**
         * 204 (no new NCCO) and an NCCO without connect or input both end the call: Vonage ends a call
         * when its NCCO runs out, and the current one ends at the finished connect.
         */
        static Reply read(int status, String body) {
            if (status == 204) {
                return new Reply(status, body, List.of(), null, null, false, null, null, true, false, null, null);
            }
            if (status != 200 || body == null || !body.stripLeading().startsWith("[")) {
                return new Reply(status, body, List.of(), null, null, false, null, null, false, false, null, null);
            }
            List<String> said = new ArrayList<>();
            JsonNode connect = null;
            boolean recorded = false;
            boolean input = false;
            String menuAction = null;
            for (JsonNode action : JSON.readTree(body)) {
                switch (action.path("action").asString()) {
                    case "talk" -> said.add(action.path("text").asString());
                    case "record" -> recorded = true;
                    case "input" -> {
                        input = true;
                        menuAction = action.path("eventUrl").path(0).asString();
                    }
                    case "connect" -> connect = action;
                    default -> throw new AssertionError("unexpected NCCO action in " + body);
                }
            }
            String number = connect == null ? null : "+" + connect.path("endpoint").path(0).path("number").asString();
            String callerId = connect == null ? null : "+" + connect.path("from").asString();
            String events = connect == null || connect.path("eventUrl").isMissingNode() ? null
                    : connect.path("eventUrl").path(0).asString();
            JsonNode onAnswer = connect == null ? null : connect.path("endpoint").path(0).path("onAnswer");
            String whisper = onAnswer == null || onAnswer.isMissingNode() ? null : onAnswer.path("url").asString();
            return new Reply(status, body, said, number, callerId, recorded, events, events,
                    connect == null && !input, input, menuAction, whisper);
        }
    }
}
