package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callmask.core.number.Redaction;
import io.callmask.support.Browser;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <callmask-call-button>} on a page that is not callmask's: a stand-in for the platform (a JDK
 * HTTP server on its own origin) serves a retailer page that loads the component from callmask, with a
 * token its backend minted, or with a {@code fetcher} that goes through its backend (which adds the API
 * key). CORS lets exactly the configured origin through; any other origin gets the network-error state
 * and starts no call. Error states come from the problem types callmask really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + CallButtonBrowserIT.API_KEY,
        "callmask.twilio.auth-token=it-auth-token",
        "callmask.tokens.secret=" + CallButtonBrowserIT.SECRET,
        "emulator.time-scale=0.25",
        "callmask.calls.ring-timeout=120s",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
        "callmask.hubs=+918047180099",
        "callmask.data-dir=target/it-data-call-button",
        "spring.datasource.url=jdbc:h2:mem:call-button-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off"})
class CallButtonBrowserIT {

    static final String API_KEY = "it-api-key";
    static final String SECRET = "call-button-test-secret-of-at-least-32-bytes";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The platform: its own origin, http://127.0.0.1:port; http://localhost:port is another origin. */
    static final HttpServer PLATFORM = platform();
    static final AtomicInteger BACKEND_CALLS = new AtomicInteger();
    static volatile int callmaskPort;

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @DynamicPropertySource
    static void allowThePlatform(DynamicPropertyRegistry registry) {
        registry.add("callmask.tokens.allowed-origins", () -> "http://127.0.0.1:" + PLATFORM.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    WebDriver page;
    Http api;
    String retailerPhone;
    String retailer;

    @BeforeEach
    void setUp() {
        callmaskPort = port;
        page = BROWSER.driver();
        api = new Http("http://localhost:" + port, API_KEY);
        retailerPhone = TestNumbers.mobile();
        retailer = "shop-" + System.nanoTime();
        assertThat(api.put("/v1/retailers/" + retailer, "{\"name\":\"Test shop\",\"phone\":\"" + retailerPhone + "\"}")
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stopThePlatform() {
        PLATFORM.stop(0);
    }

    @Test
    void aTokenFromThePlatformsBackendCallsFromThePlatformsOrigin() {
        String order = order("out_for_delivery");
        open("127.0.0.1", order, "token=" + token());

        click();

        awaitState("success");
        String masked = retailerMasked(order);
        assertThat(status()).isEqualTo("You'll get a call from " + Redaction.redact(masked) + " now. Answer it to reach the customer.");
        assertThat(awaitRinging()).isEqualTo(masked);
        Map<?, ?> event = onlyEvent("callmask:call-started");
        assertThat(event.get("orderId")).isEqualTo(order);
        assertThat(event.get("retailerMaskedNumber")).isEqualTo(masked);
        assertThat(callsOf(order)).isEqualTo(1);
    }

    @Test
    void aFetcherGoesThroughThePlatformsBackendWithoutAnyToken() {
        String order = order("out_for_delivery");
        int before = BACKEND_CALLS.get();
        open("127.0.0.1", order, "fetcher=1");

        click();

        awaitState("success");
        assertThat(BACKEND_CALLS.get()).isEqualTo(before + 1);
        assertThat(awaitRinging()).isEqualTo(retailerMasked(order));
        assertThat(onlyEvent("callmask:call-started").get("callId")).isNotNull();
    }

    @Test
    void anOriginNotAllowedGetsTheNetworkErrorAndStartsNoCall() {
        String order = order("out_for_delivery");
        open("localhost", order, "token=" + token());

        click();

        awaitState("error");
        assertThat(status()).isEqualTo("Could not reach the calling service. Check your connection and try again.");
        assertThat(onlyEvent("callmask:call-failed").get("type")).isEqualTo("network");
        assertThat(api.get("/v1/sessions?reference=" + order).json().size()).isZero();
        assertThat(button().isEnabled()).isTrue();
    }

    @Test
    void anExpiredTokenSaysSoAndStartsNoCall() {
        String order = order("out_for_delivery");
        Instant now = Instant.now();
        String expired = AccessScenarios.sign(JWSAlgorithm.HS256, SECRET, AccessScenarios.claims(retailer, now)
                .issueTime(java.util.Date.from(now.minusSeconds(1200)))
                .expirationTime(java.util.Date.from(now.minusSeconds(600))).build());
        open("127.0.0.1", order, "token=" + expired);

        click();

        awaitState("error");
        assertThat(status()).isEqualTo("Your sign-in for calling has expired. Reload the page and try again.");
        Map<?, ?> event = onlyEvent("callmask:call-failed");
        assertThat(event.get("type")).isEqualTo("token-expired");
        assertThat(((Number) event.get("status")).intValue()).isEqualTo(401);
        assertThat(api.get("/v1/sessions?reference=" + order).json().size()).isZero();
    }

    @Test
    void aRateLimitedRetailerIsToldWhenToTryAgain() {
        assertThat(api.put("/v1/retailers/" + retailer, "{\"name\":\"Test shop\",\"phone\":\"" + retailerPhone
                + "\",\"callsPerHour\":1}").status()).isEqualTo(200);
        String first = order("out_for_delivery");
        String second = order("out_for_delivery");
        assertThat(api.post("/v1/masked-calls", "{\"orderId\":\"" + first + "\",\"retailerId\":\"" + retailer + "\"}")
                .status()).isEqualTo(201);
        open("127.0.0.1", second, "token=" + token());

        click();

        awaitState("error");
        // One call an hour: the next one is due in about an hour; Retry-After crossed the origin (CORS exposes it).
        Map<?, ?> event = onlyEvent("callmask:call-failed");
        assertThat(event.get("type")).isEqualTo("rate-limited");
        long retryAfter = ((Number) event.get("retryAfterSeconds")).longValue();
        assertThat(retryAfter).isBetween(90L, 3601L);
        assertThat(status()).isEqualTo("You have reached your call limit. Try again in " + (retryAfter + 59) / 60 + " min.");
        assertThat(api.get("/v1/sessions?reference=" + second).json().size()).isZero();
    }

    @Test
    void theButtonRedactsNumbersExactlyAsCallmaskDoes() {
        open("127.0.0.1", "any-order", "fetcher=1");
        for (String number : List.of("+918047180001", "+14155550123", "+447911123456", "+971501234567",
                "+8613800138000", "+4930123456", "+35312345678", "+6512345678", "+79161234567", "+9112345")) {
            assertThat(((JavascriptExecutor) page).executeScript("return CallmaskCallButton.redact(arguments[0]);",
                    number)).as(number).isEqualTo(Redaction.redact(number));
        }
    }

    // --- the page --------------------------------------------------------------------------------

    private void open(String host, String order, String how) {
        page.get("http://" + host + ":" + PLATFORM.getAddress().getPort() + "/shop.html?order=" + order + "&" + how);
        BROWSER.await().until(d -> ((JavascriptExecutor) page).executeScript(
                "return customElements.get('callmask-call-button') !== undefined && window.seen !== undefined;"));
    }

    private WebElement host() {
        return page.findElement(By.id("button"));
    }

    private WebElement button() {
        return host().getShadowRoot().findElement(By.cssSelector("button"));
    }

    private void click() {
        button().click();
    }

    private void awaitState(String state) {
        BROWSER.await().until(d -> state.equals(host().getDomAttribute("state")));
    }

    private String status() {
        return host().getShadowRoot().findElement(By.cssSelector("[part=status]")).getText();
    }

    private Map<?, ?> onlyEvent(String name) {
        List<?> seen = (List<?>) ((JavascriptExecutor) page).executeScript("return window.seen;");
        assertThat(seen).hasSize(1);
        Map<?, ?> event = (Map<?, ?>) seen.get(0);
        assertThat(event.get("name")).isEqualTo(name);
        return (Map<?, ?>) event.get("detail");
    }

    // --- callmask, as the platform's backend talks to it ------------------------------------------

    private String order(String status) {
        String id = "ord-" + System.nanoTime();
        assertThat(api.put("/v1/orders/" + id, "{\"retailerId\":\"" + retailer + "\",\"customerPhone\":\""
                + TestNumbers.mobile() + "\",\"status\":\"" + status + "\"}").status()).isEqualTo(201);
        return id;
    }

    private String token() {
        return api.post("/v1/retailer-tokens", "{\"retailerId\":\"" + retailer + "\"}").json().get("token").asString();
    }

    private String retailerMasked(String order) {
        JsonNode sessions = api.get("/v1/sessions?reference=" + order).json();
        assertThat(sessions.size()).isEqualTo(1);
        for (JsonNode party : sessions.get(0).get("parties")) {
            if ("retailer".equals(party.get("role").asString())) {
                return party.get("maskedNumber").asString();
            }
        }
        throw new AssertionError("no retailer in " + sessions);
    }

    private int callsOf(String order) {
        JsonNode sessions = api.get("/v1/sessions?reference=" + order).json();
        return api.get("/v1/sessions/" + sessions.get(0).get("id").asString() + "/calls").json().size();
    }

    /** The caller ID on the retailer's ringing phone. */
    private String awaitRinging() {
        Http phones = new Http("http://localhost:" + port, null);
        String path = "/emulator/phones/" + Http.enc(retailerPhone);
        BROWSER.await().until(d -> "ringing".equals(phones.get(path).json().get("state").asString()));
        String callerId = phones.get(path).json().get("current").get("callerId").asString();
        phones.post(path + "/reject", "");
        return callerId;
    }

    // --- the platform ------------------------------------------------------------------------------

    private static HttpServer platform() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/shop.html", CallButtonBrowserIT::shopPage);
            server.createContext("/platform/v1/masked-calls", CallButtonBrowserIT::backend);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The retailer's page: the component from callmask, a token or a fetcher, and a log of its events. */
    private static void shopPage(HttpExchange exchange) throws IOException {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        String callmask = "http://localhost:" + callmaskPort;
        String attributes = query.containsKey("token")
                ? " token=\"" + query.get("token") + "\" api-base=\"" + callmask + "\"" : "";
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>Seller hub</title>
                <script src="%s/callmask-call-button.js"></script></head>
                <body><h1>Order %s</h1>
                <callmask-call-button id="button" order-id="%s"%s label="Call the customer"></callmask-call-button>
                <script>
                  window.seen = [];
                  for (const name of ["callmask:call-started", "callmask:call-failed"]) {
                    document.addEventListener(name, (e) => window.seen.push({ name: e.type, detail: e.detail }));
                  }
                  if (%s) {
                    // The platform's own backend adds its API key; the browser never holds a credential.
                    document.getElementById("button").fetcher = (url, init) => fetch("/platform" + url, init);
                  }
                </script></body></html>
                """.formatted(callmask, query.get("order"), query.get("order"), attributes,
                query.containsKey("fetcher"));
        send(exchange, 200, "text/html; charset=utf-8", html, null);
    }

    /** The platform's backend: adds the retailer (from its own sign-in) and its API key, passes the answer on. */
    private static void backend(HttpExchange exchange) throws IOException {
        BACKEND_CALLS.incrementAndGet();
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String orderId = body.get("orderId").asString();
        // A platform knows which retailer is signed in; this stand-in asks which retailer owns the order.
        String retailer = JSON.readTree(httpGet("/v1/orders/" + orderId)).get("retailerId").asString();
        HttpRequest forward = HttpRequest.newBuilder(URI.create("http://localhost:" + callmaskPort + "/v1/masked-calls"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orderId\":\"" + orderId + "\",\"retailerId\":\"" + retailer + "\"}"))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(forward, HttpResponse.BodyHandlers.ofString());
            send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"),
                    answer.body(), answer.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 502, "text/plain", "interrupted", null);
        }
    }

    private static String httpGet(String path) {
        return new Http("http://localhost:" + callmaskPort, API_KEY).get(path).body();
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String retryAfter)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
