package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.callmask.support.OnH2;
import io.callmask.support.TestNumbers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Dial-ins no open session accepts, under the forward and callback settings (message is the default, tested elsewhere). */
class OutOfSessionIT {

    static final String SUPPORT = "+919000000001";
    static final List<String> callbacks = new CopyOnWriteArrayList<>();
    static final HttpServer platform = platform();

    private static HttpServer platform() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/callmask-events", exchange -> {
                callbacks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        platform.stop(0);
    }

    @Nested
    @OnH2
    @TestPropertySource(properties = {"callmask.dial-in.out-of-session=forward",
            "callmask.dial-in.support-number=" + SUPPORT})
    class Forward extends EndToEndTestBase {

        @Test
        void aStrangerHearsTheMessageThenReachesSupportShowingTheDialledNumber() {
            String support = phone(SUPPORT, "auto", 2.0, null);
            String stranger = phone("auto", null);

            dial(stranger, POOL.get(2));

            JsonNode supportScreen = awaitPhoneCall(support, "completed");
            assertThat(supportScreen.get("callerId").asString()).isEqualTo(POOL.get(2));
            assertThat(awaitPhoneCall(stranger, "completed").get("heard").get(0).asString())
                    .isEqualTo("Sorry, this number cannot connect your call. Please use the app to start a call.");
        }
    }

    @Nested
    @OnH2
    class Callback extends EndToEndTestBase {

        @DynamicPropertySource
        static void callbackUrl(DynamicPropertyRegistry registry) {
            registry.add("callmask.dial-in.out-of-session", () -> "callback");
            registry.add("callmask.dial-in.callback-url",
                    () -> "http://127.0.0.1:" + platform.getAddress().getPort() + "/callmask-events");
        }

        @Test
        void anExpiredSessionsCallerHearsTheMessageAndThePlatformIsCalledBackWithoutTheNumber() {
            String customer = phone("auto", null);
            JsonNode session = session("order-cb-" + System.nanoTime(), TestNumbers.mobile(), customer);
            api.post("/v1/sessions/" + session.get("id").asString() + "/close", "");

            String sid = dial(customer, masked(session, "customer"));

            assertThat(awaitPhoneCallBySid(customer, sid, "completed").get("heard").get(0).asString())
                    .isEqualTo("This conversation has ended. Please use the app to reach them again.");
            await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.stream().anyMatch(b -> b.contains(sid)));
            String body = callbacks.stream().filter(b -> b.contains(sid)).findFirst().orElseThrow();
            assertThat(body).contains("\"type\":\"dial-in.rejected\"", "\"reason\":\"session-ended\"",
                    "\"dialled\":\"" + masked(session, "customer") + "\"").doesNotContain(customer);
        }
    }
}
