package io.callmask.core.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the platform, by an HTTP POST of JSON to {@code callmask.dial-in.callback-url}, that a
 * dial-in was turned away. Sent in the background so the caller's webhook answers at once; the
 * event itself is already stored. The body holds ids and the dialled masked number, never the
 * caller's real number.
 */
@Component
public class PlatformCallbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlatformCallbacks.class);

    private final URI url;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService sender = Executors.newFixedThreadPool(2);

    PlatformCallbacks(DialInProperties properties, JsonMapper json, Clock clock) {
        this.url = properties.outOfSession() == DialInProperties.OutOfSession.CALLBACK ? properties.callbackUrl() : null;
        this.json = json;
        this.clock = clock;
    }

    public boolean enabled() {
        return url != null;
    }

    /** Posts {@code type} with these ids; does nothing when callbacks are off. */
    public void send(String type, String reason, String sessionId, String carrierCallId, String dialled) {
        if (url == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("reason", reason);
        body.put("sessionId", sessionId);
        body.put("carrierCallId", carrierCallId);
        body.put("dialled", dialled);
        body.put("at", clock.instant().toString());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        sender.execute(() -> {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 300) {
                    log.warn("Platform callback for {} answered HTTP {}", carrierCallId, status);
                }
            } catch (Exception e) {
                log.warn("Platform callback for {} failed: {}", carrierCallId, e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
