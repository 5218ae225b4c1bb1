package io.callmask.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends Twilio-style webhooks: form-encoded POST (or GET with the parameters in the query), signed with
 * {@code X-Twilio-Signature}. Blocking; callers run it on the emulator's worker pool.
 */
final class WebhookClient {

    static final int HTTP_RETRIEVAL_FAILURE = 11200;

    private final HttpClient http;
    private final WebhookSigner signer;
    private final Duration timeout;

    WebhookClient(WebhookSigner signer, Duration timeout) {
        this.signer = signer;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Requests {@code url} and answers the body of a 2xx response. */
    String send(URI url, String method, Map<String, String> params) throws WebhookException {
        String form = encode(params);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("User-Agent", "TwilioProxy/1.1 (callmask emulator)")
                .header("Accept", "*/*");
        if ("GET".equals(method)) {
            String full = url + (url.getRawQuery() == null ? "?" : "&") + form;
            request.uri(URI.create(full)).GET()
                    .header("X-Twilio-Signature", signer.sign(full, Map.of()));
        } else {
            Map<String, List<String>> signed = params.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
            request.uri(url).POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("X-Twilio-Signature", signer.sign(url.toString(), signed));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new WebhookException(HTTP_RETRIEVAL_FAILURE,
                        "HTTP retrieval failure: " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new WebhookException(HTTP_RETRIEVAL_FAILURE, "HTTP retrieval failure: " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookException(HTTP_RETRIEVAL_FAILURE, "HTTP retrieval interrupted: " + url);
        } catch (IllegalArgumentException e) {
            throw new WebhookException(HTTP_RETRIEVAL_FAILURE, "Invalid webhook URL " + url);
        }
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
