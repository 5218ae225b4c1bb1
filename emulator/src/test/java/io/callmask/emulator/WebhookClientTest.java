package io.callmask.emulator;

import static io.callmask.emulator.WebhookTally.Kind.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's webhook connection overrides as the emulator honours them, against a real HTTP server: without a
 * fragment a 5xx is not retried and a refused connection is tried once more; {@code rc} and {@code rp} change
 * that; the fragment is neither sent nor signed; a load balancer's instances take over from a dead one.
 */
class WebhookClientTest {

    private static final String TOKEN = "overrides-token";
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server that answers {@code failures} times with {@code status}, then 200; counts requests. */
    private record Server(String base, AtomicInteger requests, List<String> seen) {}

    private Server server(int failures, int status) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        http.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Twilio-Signature")
                    + " " + body);
            byte[] answer = "<Response/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n <= failures ? status : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        http.start();
        servers.add(http);
        return new Server("http://127.0.0.1:" + http.getAddress().getPort(), requests, seen);
    }

    /** A status callback POSTed to {@code url}. */
    private static String post(WebhookClient client, String url, Map<String, String> params) throws WebhookException {
        return client.send(STATUS, URI.create(url), "POST", params);
    }

    private static WebhookClient client() {
        return new WebhookClient(new WebhookSigner(TOKEN), Duration.ofSeconds(5));
    }

    @Test
    void withoutOverridesA5xxIsNotRetried() throws Exception {
        Server s = server(1, 503);
        assertThatThrownBy(() -> post(client(), s.base() + "/status?call=c1", Map.of("A", "1")))
                .isInstanceOf(WebhookException.class).hasMessageContaining("answered 503");
        assertThat(s.requests().get()).isEqualTo(1);
    }

    @Test
    void rcAndRpRetryA5xxAndTheFragmentIsNeitherSentNorSigned() throws Exception {
        Server s = server(2, 503);
        String answer = post(client(), s.base() + "/status?call=c1&leg=callee#rc=3&rp=5xx,ct,rt",
                Map.of("CallSid", "CA1", "CallStatus", "completed"));
        assertThat(answer).isEqualTo("<Response/>");
        assertThat(s.requests().get()).isEqualTo(3);
        String url = s.base() + "/status?call=c1&leg=callee";
        for (String request : s.seen()) {
            assertThat(request).startsWith("/status?call=c1&leg=callee ");
            String signature = request.split(" ")[1];
            assertThat(new RequestValidator(TOKEN).validate(url, Map.of("CallSid", "CA1", "CallStatus", "completed"),
                    signature)).as("signed over the URL without its fragment").isTrue();
        }
    }

    @Test
    void retriesStopAtRcAndA4xxIsRetriedOnlyWhenAsked() throws Exception {
        Server fives = server(10, 500);
        assertThatThrownBy(() -> post(client(), fives.base() + "/s#rc=2&rp=5xx", Map.of()))
                .hasMessageContaining("after 3 attempts");
        assertThat(fives.requests().get()).isEqualTo(3);

        Server fours = server(1, 404);
        assertThatThrownBy(() -> post(client(), fours.base() + "/s#rc=2&rp=5xx", Map.of()))
                .hasMessageContaining("answered 404");
        assertThat(fours.requests().get()).isEqualTo(1);
        Server again = server(1, 404);
        assertThat(post(client(), again.base() + "/s#rc=2&rp=all", Map.of())).isEqualTo("<Response/>");
        assertThat(again.requests().get()).isEqualTo(2);
    }

    @Test
    void anInvalidOverrideIsTwiliosError11243() {
        for (String fragment : List.of("rc=6", "rp=sometimes", "ct=50", "zz=1", "rc")) {
            assertThatThrownBy(() -> post(client(), "http://127.0.0.1:1/s#" + fragment, Map.of()))
                    .as(fragment).isInstanceOfSatisfying(WebhookException.class, e -> assertThat(e.code).isEqualTo(11243));
        }
    }

    @Test
    void aRefusedConnectionIsTriedOnceMoreByDefaultAndMovesOnBehindALoadBalancer() throws Exception {
        String dead = "http://127.0.0.1:" + freePort();
        long started = System.nanoTime();
        assertThatThrownBy(() -> client().send(WebhookTally.Kind.STATUS, URI.create(dead + "/s"), "POST", Map.of()))
                .hasMessageContaining("refused").hasMessageContaining("after 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WebhookClient.RETRY_PAUSE);

        Server alive = server(0, 200);
        WebhookClient balanced = new WebhookClient(new WebhookSigner(TOKEN), Duration.ofSeconds(5),
                "https://callmask.example", List.of(dead, alive.base()));
        for (int i = 0; i < 4; i++) {
            assertThat(post(balanced, "https://callmask.example/webhooks/twilio/status?call=c" + i + "#rc=0",
                    Map.of("N", Integer.toString(i)))).isEqualTo("<Response/>");
        }
        assertThat(alive.requests().get()).as("every request reached the live instance, none was lost").isEqualTo(4);
        String signature = alive.seen().get(0).split(" ")[1];
        assertThat(new RequestValidator(TOKEN).validate("https://callmask.example/webhooks/twilio/status?call=c0",
                Map.of("N", "0"), signature)).as("signed over the public URL").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
