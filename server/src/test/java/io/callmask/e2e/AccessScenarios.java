package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retailer-scoped tokens and the rate limits over real HTTP: tokens minted by callmask and by the
 * platform itself, every way a token can be wrong, what a retailer may and may not reach, and
 * the per-retailer and per-customer limits. Its own application, with low limits.
 */
abstract class AccessScenarios extends EndToEndTestBase {

    static final String SECRET = "it-token-secret-at-least-32-bytes-long!!";
    static final String ORIGIN = "https://seller.example";
    static final int DEFAULT_PER_HOUR = 4;
    static final int CUSTOMER_PER_DAY = 3;

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("callmask.tokens.secret", () -> SECRET);
        registry.add("callmask.tokens.allowed-origins", () -> ORIGIN);
        registry.add("callmask.limits.retailer-calls-per-hour", () -> DEFAULT_PER_HOUR);
        registry.add("callmask.limits.customer-calls-per-day", () -> CUSTOMER_PER_DAY);
    }

    @Autowired
    JdbcClient jdbc;

    private final HttpClient raw = HttpClient.newHttpClient();

    // --- tokens ------------------------------------------------------------------------------

    @Test
    void aTokenFromThePlatformStartsCallsForItsOwnOrdersOnly() {
        String mine = retailer(phone("no-answer", null));
        String other = retailer(phone("no-answer", null));
        String customerPhone = TestNumbers.mobile();
        String myOrder = order(mine, customerPhone, "accepted");
        String othersOrder = order(other, TestNumbers.mobile(), "accepted");

        Http.Response issued = api.post("/v1/retailer-tokens", "{\"retailerId\":\"" + mine + "\",\"ttlSeconds\":900}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Instant expiresAt = Instant.parse(issued.json().get("expiresAt").asString());
        assertThat(Duration.between(clock.instant(), expiresAt)).isBetween(Duration.ofSeconds(890), Duration.ofSeconds(901));
        Http browser = new Http(api.base(), issued.json().get("token").asString());

        Http.Response placed = browser.post("/v1/masked-calls", "{\"orderId\":\"" + myOrder + "\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.body()).doesNotContain(customerPhone);
        String sessionId = placed.json().get("sessionId").asString();
        String callId = placed.json().get("callId").asString();

        expectProblem(browser.post("/v1/masked-calls", "{\"orderId\":\"" + othersOrder + "\"}"), 403, "order-not-owned");
        expectProblem(browser.post("/v1/masked-calls", "{\"orderId\":\"" + othersOrder + "\",\"retailerId\":\"" + other + "\"}"),
                403, "forbidden");
        expectProblem(browser.post("/v1/masked-calls", "{\"orderId\":\"" + myOrder + "\",\"customerPhone\":\"" + customerPhone + "\"}"),
                400, "invalid-request");
        assertThat(api.get("/v1/sessions?reference=" + othersOrder).json().size()).isZero();

        JsonNode session = browser.get("/v1/sessions/" + sessionId).json();
        assertThat(session.get("id").asString()).isEqualTo(sessionId);
        assertThat(session.toString()).doesNotContain(customerPhone);
        assertThat(browser.get("/v1/sessions?reference=" + myOrder).json().size()).isEqualTo(1);
        assertThat(browser.get("/v1/sessions/" + sessionId + "/calls").json().get(0).get("id").asString()).isEqualTo(callId);
        assertThat(browser.get("/v1/calls/" + callId).status()).isEqualTo(200);
    }

    @Test
    void aRetailerSeesOthersSessionsAsIfTheyDidNotExistAndNothingElseOfTheApi() {
        String mine = retailer(phone("no-answer", null));
        String other = retailer(phone("no-answer", null));
        String myOrder = order(mine, TestNumbers.mobile(), "accepted");
        String othersOrder = order(other, TestNumbers.mobile(), "accepted");
        Http.Response othersCall = api.post("/v1/masked-calls",
                "{\"orderId\":\"" + othersOrder + "\",\"retailerId\":\"" + other + "\"}");
        assertThat(othersCall.status()).as(othersCall.body()).isEqualTo(201);
        String othersSession = othersCall.json().get("sessionId").asString();
        Http browser = new Http(api.base(), token(mine, c -> c));
        String mySession = browser.post("/v1/masked-calls", "{\"orderId\":\"" + myOrder + "\"}").json()
                .get("sessionId").asString();

        // Others' sessions and calls answer exactly as ones that do not exist.
        // The missing id has the same shape (one letter more), so any redaction of digit runs treats both alike.
        String missingId = othersSession + "x";
        Http.Response hidden = browser.get("/v1/sessions/" + othersSession);
        Http.Response missing = browser.get("/v1/sessions/" + missingId);
        expectProblem(hidden, 404, "session-not-found");
        assertThat(withoutInstance(hidden, othersSession)).isEqualTo(withoutInstance(missing, missingId));
        expectProblem(browser.get("/v1/sessions/" + othersSession + "/calls"), 404, "session-not-found");
        expectProblem(browser.get("/v1/calls/" + othersCall.json().get("callId").asString()), 404, "call-not-found");
        assertThat(browser.get("/v1/sessions?reference=" + othersOrder).json().size()).isZero();

        String order = "{\"retailerId\":\"" + mine + "\",\"customerPhone\":\"" + TestNumbers.mobile() + "\",\"status\":\"placed\"}";
        expectProblem(browser.put("/v1/retailers/" + mine, "{\"name\":\"x\",\"phone\":\"" + TestNumbers.mobile() + "\"}"),
                403, "forbidden");
        expectProblem(browser.put("/v1/orders/" + myOrder, order), 403, "forbidden");
        expectProblem(browser.get("/v1/orders/" + myOrder), 403, "forbidden");
        expectProblem(browser.get("/v1/retailers/" + mine), 403, "forbidden");
        expectProblem(browser.post("/v1/sessions", "{\"reference\":\"x\",\"parties\":[]}"), 403, "forbidden");
        expectProblem(browser.post("/v1/sessions/" + mySession + "/close", "{}"), 403, "forbidden");
        expectProblem(browser.post("/v1/sessions/" + mySession + "/calls", "{\"from\":\"retailer\"}"), 403, "forbidden");
        expectProblem(browser.get("/v1/events"), 403, "forbidden");
        expectProblem(browser.post("/v1/retailer-tokens", "{\"retailerId\":\"" + mine + "\"}"), 403, "forbidden");
        assertThat(api.get("/v1/sessions/" + mySession).json().get("status").asString()).isEqualTo("open");
        assertThat(api.get("/v1/sessions/" + mySession + "/calls").json().size()).isEqualTo(1);
    }

    @Test
    void everyWrongTokenIsRefusedWithItsReason() {
        String mine = retailer(phone("no-answer", null));
        Instant now = clock.instant();
        String probe = "/v1/sessions?reference=anything";

        assertThat(get(probe, token(mine, c -> c)).statusCode()).isEqualTo(200);
        assertThat(get(probe, token(mine, c -> c.issueTime(ago(now, 3000)).expirationTime(ago(now, 10)))).statusCode())
                .as("within the clock skew").isEqualTo(200);

        expectTokenProblem(get(probe, token(mine, c -> c.issueTime(ago(now, 3000)).expirationTime(ago(now, 60)))),
                "token-expired");
        expectTokenProblem(get(probe, token(mine, c -> c.audience("someone-else"))), "token-invalid");
        expectTokenProblem(get(probe, token(mine, c -> c.issuer("someone-else"))), "token-invalid");
        expectTokenProblem(get(probe, token(mine, c -> c.claim("scope", "platform"))), "token-invalid");
        expectTokenProblem(get(probe, token(mine, c -> c.expirationTime(Date.from(now.plus(Duration.ofHours(2)))))),
                "token-invalid");
        expectTokenProblem(get(probe, token(mine, c -> c.issueTime(Date.from(now.plusSeconds(600))))), "token-invalid");
        expectTokenProblem(get(probe, sign(JWSAlgorithm.HS256, "another-secret-that-is-also-32-bytes-long",
                claims(mine, now).build())), "token-invalid");
        expectTokenProblem(get(probe, sign(JWSAlgorithm.HS512, SECRET + SECRET, claims(mine, now).build())),
                "token-invalid");
        expectTokenProblem(get(probe, new PlainJWT(claims(mine, now).build()).serialize()), "token-invalid");
        expectTokenProblem(get(probe, "not.a.token"), "token-invalid");

        HttpResponse<String> tampered = get(probe, token(mine, c -> c).replaceFirst("\\.[^.]+\\.", "." + base64(
                "{\"sub\":\"someone-else\",\"iss\":\"callmask\",\"aud\":\"callmask\",\"scope\":\"retailer\"}") + "."));
        expectTokenProblem(tampered, "token-invalid");
    }

    @Test
    void tokenIssuanceChecksTheRetailerAndTheLifetime() throws Exception {
        String mine = retailer(phone("no-answer", null));

        expectProblem(api.post("/v1/retailer-tokens", "{\"retailerId\":\"nobody\"}"), 404, "retailer-not-found");
        expectProblem(api.post("/v1/retailer-tokens", "{\"retailerId\":\"" + mine + "\",\"ttlSeconds\":3601}"),
                400, "invalid-request");
        expectProblem(api.post("/v1/retailer-tokens", "{\"ttlSeconds\":60}"), 400, "invalid-request");
        expectProblem(new Http(api.base(), null).post("/v1/retailer-tokens", "{\"retailerId\":\"" + mine + "\"}"),
                401, "unauthorized");

        Http.Response issued = api.post("/v1/retailer-tokens", "{\"retailerId\":\"" + mine + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        SignedJWT jwt = SignedJWT.parse(issued.json().get("token").asString());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getSubject()).isEqualTo(mine);
        assertThat(claims.getIssuer()).isEqualTo("callmask");
        assertThat(claims.getAudience()).containsExactly("callmask");
        assertThat(claims.getClaim("scope")).isEqualTo("retailer");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .as("the default lifetime").isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void browsersFromTheConfiguredOriginMayCallAndOthersMayNot() throws Exception {
        HttpResponse<String> allowed = preflight("/v1/masked-calls", ORIGIN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");

        HttpResponse<String> stranger = preflight("/v1/masked-calls", "https://evil.example");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> platformOnly = preflight("/v1/retailers/x", ORIGIN);
        assertThat(platformOnly.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theApiDocumentDoesNotShowTheCallerAsAParameter() {
        Http.Response doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("/v1/retailer-tokens").doesNotContain("\"name\":\"caller\"");
    }

    // --- rate limits -------------------------------------------------------------------------

    @Test
    void aRetailerOverItsHourlyLimitGets429WithRetryAfterAndNothingIsWritten() {
        String retailerPhone = phone("no-answer", null);
        String retailer = retailerWithLimit(retailerPhone, 2);
        String first = order(retailer, TestNumbers.mobile(), "accepted");
        String second = order(retailer, TestNumbers.mobile(), "accepted");
        String customerPhone = TestNumbers.mobile();
        String third = order(retailer, customerPhone, "accepted");

        String sessionId = maskedCall(first, retailer).json().get("sessionId").asString();
        assertThat(maskedCall(second, retailer).status()).isEqualTo(201);
        HttpResponse<String> limited = post("/v1/masked-calls",
                "{\"orderId\":\"" + third + "\",\"retailerId\":\"" + retailer + "\"}", API_KEY);
        HttpResponse<String> limitedInSession = post("/v1/sessions/" + sessionId + "/calls", "{\"from\":\"retailer\"}",
                API_KEY);

        for (HttpResponse<String> r : List.of(limited, limitedInSession)) {
            expectRateLimited(r, "retailer");
            assertThat(r.body()).doesNotContain(customerPhone.substring(3)).doesNotContain(retailerPhone.substring(3));
            // Greedy refill: the next call is allowed after an hour / 2.
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1700L, 1800L);
        }
        assertThat(api.get("/v1/sessions?reference=" + third).json().size()).isZero();
        assertThat(api.get("/v1/sessions/" + sessionId + "/calls").json().size()).isEqualTo(1);

        JsonNode shown = api.get("/v1/retailers/" + retailer).json();
        assertThat(shown.get("callsPerHour").asInt()).isEqualTo(2);
    }

    @Test
    void aRetailersOwnLimitOverridesTheDefaultAndAChangeTakesEffectAtOnce() {
        String retailerPhone = phone("no-answer", null);
        String retailer = retailerWithLimit(retailerPhone, DEFAULT_PER_HOUR + 1);
        for (int i = 0; i < DEFAULT_PER_HOUR + 1; i++) {
            Http.Response r = maskedCall(order(retailer, TestNumbers.mobile(), "accepted"), retailer);
            assertThat(r.status()).as("call %d: %s", i + 1, r.body()).isEqualTo(201);
        }
        expectRateLimited(post("/v1/masked-calls", "{\"orderId\":\"" + order(retailer, TestNumbers.mobile(), "accepted")
                + "\",\"retailerId\":\"" + retailer + "\"}", API_KEY), "retailer");

        retailerWithLimit(retailerPhone, DEFAULT_PER_HOUR + 2);

        assertThat(maskedCall(order(retailer, TestNumbers.mobile(), "accepted"), retailer).status()).isEqualTo(201);
        expectRateLimited(post("/v1/masked-calls", "{\"orderId\":\"" + order(retailer, TestNumbers.mobile(), "accepted")
                + "\",\"retailerId\":\"" + retailer + "\"}", API_KEY), "retailer");
        assertThat(api.get("/v1/retailers/" + retailer).json().get("callsPerHour").asInt()).isEqualTo(DEFAULT_PER_HOUR + 2);
        assertThat(api.get("/v1/retailers/" + retailer(TestNumbers.mobile())).json().has("callsPerHour")).isFalse();
    }

    @Test
    void aCustomerIsCalledAtMostTheDailyLimitWhicheverRetailerCalls() {
        String customerPhone = TestNumbers.mobile();
        String a = retailer(phone("no-answer", null));
        String b = retailerWithLimit(phone("no-answer", null), 2);

        assertThat(maskedCall(order(a, customerPhone, "accepted"), a).status()).isEqualTo(201);
        assertThat(maskedCall(order(a, customerPhone, "accepted"), a).status()).isEqualTo(201);
        assertThat(maskedCall(order(b, customerPhone, "accepted"), b).status()).isEqualTo(201);
        String refusedOrder = order(b, customerPhone, "accepted");
        HttpResponse<String> refused = post("/v1/masked-calls",
                "{\"orderId\":\"" + refusedOrder + "\",\"retailerId\":\"" + b + "\"}", API_KEY);

        expectRateLimited(refused, "customer");
        assertThat(refused.body()).doesNotContain(customerPhone.substring(3));
        assertThat(api.get("/v1/sessions?reference=" + refusedOrder).json().size()).isZero();
        // The refusal cost retailer b nothing: its second call of two is still allowed, its third not.
        assertThat(maskedCall(order(b, TestNumbers.mobile(), "accepted"), b).status()).isEqualTo(201);
        expectRateLimited(post("/v1/masked-calls", "{\"orderId\":\"" + order(b, TestNumbers.mobile(), "accepted")
                + "\",\"retailerId\":\"" + b + "\"}", API_KEY), "retailer");

        List<String> keys = jdbc.sql("select id from rate_limit_buckets").query(String.class).list();
        assertThat(keys).contains("retailer:" + a, "retailer:" + b).anyMatch(k -> k.startsWith("customer:"));
        assertThat(keys).noneMatch(k -> k.contains(customerPhone.substring(3)));
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like ?")
                .param("%" + customerPhone.substring(3) + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void aRetailerDiallingItsCustomerOverTheLimitHearsWhyAndIsNotConnected() {
        String retailerPhone = phone("no-answer", null);
        String retailer = retailerWithLimit(retailerPhone, 2);
        String customerPhone = TestNumbers.mobile();
        Http.Response placed = maskedCall(order(retailer, customerPhone, "accepted"), retailer);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode session = api.get("/v1/sessions/" + placed.json().get("sessionId").asString()).json();
        String calls = "/v1/sessions/" + session.get("id").asString() + "/calls";

        String secondSid = callSid();
        Http.Response second = voice(retailerPhone, masked(session, "retailer"), secondSid);
        Http.Response third = voice(retailerPhone, masked(session, "retailer"), callSid());
        // Twilio retrying the bridged one after the limit was reached gets that call again, not a refusal.
        Http.Response retried = voice(retailerPhone, masked(session, "retailer"), secondSid);

        assertThat(second.body()).contains("<Dial");
        assertThat(third.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry, no more "
                + "calls can be made to this customer right now. Please try again later.</Say><Hangup/></Response>");
        assertThat(retried.body()).isEqualTo(second.body());
        assertThat(api.get(calls).json().size()).isEqualTo(2);
        assertThat(api.get("/v1/events?type=dial-in.rate-limited&sessionId=" + session.get("id").asString()).json()
                .size()).isEqualTo(1);
        // The customer calling back is not limited.
        assertThat(voice(customerPhone, masked(session, "customer"), callSid()).body()).contains("<Dial");
    }

    private static String callSid() {
        return "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void concurrentCallsOfOneRetailerAreLimitedExactly() throws Exception {
        String retailer = retailerWithLimit(phone("no-answer", null), 3);
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(order(retailer, TestNumbers.mobile(), "accepted"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(orders.size());
        try {
            List<java.util.concurrent.Future<Http.Response>> futures = new java.util.ArrayList<>();
            for (String order : orders) {
                futures.add(pool.submit(() -> maskedCall(order, retailer)));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : futures) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    String retailerWithLimit(String phone, int callsPerHour) {
        String id = "r-" + phone.substring(4);
        Http.Response r = api.put("/v1/retailers/" + id, """
                {"name":"Retailer %s","phone":"%s","callsPerHour":%d}""".formatted(id, phone, callsPerHour));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return id;
    }

    Http.Response maskedCall(String order, String retailer) {
        return api.post("/v1/masked-calls", "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"}");
    }

    static JWTClaimsSet.Builder claims(String retailerId, Instant now) {
        return new JWTClaimsSet.Builder().subject(retailerId).issuer("callmask").audience("callmask")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("scope", "retailer");
    }

    /** A token as a platform mints it with the shared secret, changed by {@code change}. */
    String token(String retailerId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(JWSAlgorithm.HS256, SECRET, change.apply(claims(retailerId, clock.instant())).build());
    }

    static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Date ago(Instant now, long seconds) {
        return Date.from(now.minusSeconds(seconds));
    }

    static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + bearer)
                .GET());
    }

    HttpResponse<String> post(String path, String json, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> preflight(String path, String origin) {
        return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return raw.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void expectTokenProblem(HttpResponse<String> r, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"type\":\"urn:callmask:problem:" + type + "\"");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
    }

    static void expectRateLimited(HttpResponse<String> r, String limit) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"type\":\"urn:callmask:problem:rate-limited\"")
                .contains("\"limit\":\"" + limit + "\"");
        assertThat(r.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
    }

    static void expectProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:" + type);
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }

    /** The problem body with the id named as ID and without {@code instance} (the path, which differs by the id). */
    private static String withoutInstance(Http.Response response, String id) {
        var body = (tools.jackson.databind.node.ObjectNode) response.json();
        body.remove("instance");
        return body.toString().replace(id, "ID");
    }
}
