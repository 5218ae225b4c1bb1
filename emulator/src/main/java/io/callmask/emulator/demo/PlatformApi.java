package io.callmask.emulator.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * callmask's platform API as the demo's backend uses it: JSON over HTTP with a platform API key, as any
 * marketplace's backend would. The address and key come from {@code emulator.demo.*}; an empty address means
 * the server this demo runs in (its port is known only once it listens).
 */
@Component
@ConditionalOnProperty(name = "emulator.demo.enabled", havingValue = "true")
class PlatformApi {

    private final DemoProperties properties;
    private final Environment environment;
    private volatile RestClient client;

    PlatformApi(DemoProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The resource as JSON, or null when callmask answers 404. */
    JsonNode get(String path) {
        return call(() -> client().get().uri(path).retrieve()
                .onStatus(s -> s.value() == 404, (request, response) -> {})
                .toEntity(JsonNode.class), true);
    }

    JsonNode put(String path, Map<String, ?> body) {
        return call(() -> client().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class), false);
    }

    JsonNode post(String path, Map<String, ?> body) {
        return call(() -> client().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class), false);
    }

    private JsonNode call(java.util.function.Supplier<org.springframework.http.ResponseEntity<JsonNode>> request,
            boolean absentIsNull) {
        try {
            var entity = request.get();
            return absentIsNull && entity.getStatusCode().value() == 404 ? null : entity.getBody();
        } catch (RestClientException e) {
            // Never echo callmask's answer: it is about the demo's own data, but the page needs only this.
            throw new DemoRefusal(HttpStatusCode.valueOf(502), "callmask-error", "callmask error",
                    "callmask did not accept the demo shop's request; see callmask's log.");
        }
    }

    private RestClient client() {
        RestClient c = client;
        if (c == null) {
            String base = properties.callmaskUrl();
            if (base == null || base.isBlank()) {
                base = "http://localhost:" + environment.getProperty("local.server.port", "8080")
                        + environment.getProperty("server.servlet.context-path", "");
            }
            c = RestClient.builder().baseUrl(base.replaceAll("/+$", ""))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey()).build();
            client = c;
        }
        return c;
    }

    private String apiKey() {
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            return properties.apiKey().trim();
        }
        Path file = properties.apiKeyFile();
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("emulator.demo: no api-key and no readable api-key-file");
        }
    }
}
