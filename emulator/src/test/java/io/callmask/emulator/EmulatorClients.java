package io.callmask.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-side clients: the official SDK pointed at the emulator, and plain HTTP for the control API. */
final class EmulatorClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmulatorClients() {
    }

    /** The SDK as the app will use it: unchanged except that {@code https://api.twilio.com} becomes the emulator. */
    static TwilioRestClient sdk(int port, String accountSid, String token) {
        return new TwilioRestClient.Builder(accountSid, token)
                .httpClient(new Rewriting("http://localhost:" + port + "/emulator/twilio")).build();
    }

    static final class Rewriting extends com.twilio.http.HttpClient {
        private final String base;
        private final NetworkHttpClient delegate = new NetworkHttpClient();

        Rewriting(String base) {
            this.base = base;
        }

        @Override
        public Response makeRequest(Request request) {
            Request copy = new Request(request.getMethod(),
                    request.getUrl().replace("https://api.twilio.com", base));
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            request.getQueryParams().forEach((k, vs) -> vs.forEach(v -> copy.addQueryParam(k, v)));
            request.getPostParams().forEach((k, vs) -> vs.forEach(v -> copy.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> copy.addHeaderParam(k, v)));
            copy.setContentType(request.getContentType());
            copy.setBody(request.getBody());
            return delegate.makeRequest(copy);
        }
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Plain HTTP against the control API; {@code path} is used as given (encoded or not). */
    static final class Control {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Control(int port) {
            this.base = "http://localhost:" + port;
        }

        Reply get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Reply get(String path, String accept) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
        }

        Reply post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
        }

        Reply put(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        Reply delete(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
        }

        Reply postForm(String path, String form, String authorization) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        JsonNode phone(String number) {
            return get("/emulator/phones/" + number).json();
        }

        JsonNode call(String sid) {
            return get("/emulator/calls/" + sid).json();
        }

        private Reply send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
