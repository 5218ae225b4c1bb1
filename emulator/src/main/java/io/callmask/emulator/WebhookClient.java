package io.callmask.emulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends Twilio-style webhooks: form-encoded POST (or GET with the parameters in the query), signed with
 * {@code X-Twilio-Signature} over the URL without its fragment. Honours Twilio's webhook connection overrides
 * in the URL's fragment ({@link ConnectionOverrides}: {@code #ct=…&rt=…&tt=…&rc=…&rp=…}); without them, as Twilio
 * does, a refused connection is tried once more and nothing else is retried. With a load balancer configured
 * ({@code emulator.load-balancer.*}), a URL under its public URL goes to one of its instances in turn, and a
 * refused connection moves on to the next instance before it counts as a failure (what a load balancer in
 * front of several callmask instances does). Blocking; callers run it on the emulator's worker pool.
 */
final class WebhookClient {

    static final int HTTP_RETRIEVAL_FAILURE = 11200;
    static final int CONNECTION_OVERRIDE_INVALID = 11243;
    /** Twilio does not document the pause between retries; the emulator waits this long. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final WebhookSigner signer;
    private final Duration timeout;
    private final String balancedUrl;
    private final List<String> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Long, HttpClient> byConnectTimeout = new ConcurrentHashMap<>();
    private final WebhookTally tally = new WebhookTally();

    WebhookClient(WebhookSigner signer, Duration timeout) {
        this(signer, timeout, null, List.of());
    }

    WebhookClient(WebhookSigner signer, Duration timeout, String balancedUrl, List<String> instances) {
        this.signer = signer;
        this.timeout = timeout;
        this.balancedUrl = balancedUrl == null || balancedUrl.isBlank() ? null : strip(balancedUrl);
        this.instances = instances.stream().map(WebhookClient::strip).toList();
    }

    /** Every attempt so far, by kind and outcome. */
    WebhookTally tally() {
        return tally;
    }

    /** Requests {@code url} and answers the body of a 2xx response, retrying as its overrides ask. */
    String send(WebhookTally.Kind kind, URI url, String method, Map<String, String> params) throws WebhookException {
        ConnectionOverrides overrides;
        try {
            overrides = ConnectionOverrides.parse(url.getRawFragment(), timeout);
        } catch (IllegalArgumentException e) {
            tally.failed(kind);
            throw new WebhookException(CONNECTION_OVERRIDE_INVALID, "Invalid connection override in " + url + ": "
                    + e.getMessage());
        }
        String text = url.toString();
        int hash = text.indexOf('#');
        URI signed = hash < 0 ? url : URI.create(text.substring(0, hash)); // the fragment is never sent nor signed
        long deadline = System.nanoTime() + overrides.total().toNanos();
        for (int attempt = 0; ; attempt++) {
            Failure failure;
            try {
                return once(kind, signed, method, params, overrides, deadline);
            } catch (Failure f) {
                failure = f;
            }
            boolean again = attempt < overrides.retries() && overrides.retriesOn(failure.kind)
                    && System.nanoTime() + RETRY_PAUSE.toNanos() < deadline;
            if (!again) {
                tally.failed(kind);
                throw new WebhookException(HTTP_RETRIEVAL_FAILURE, "HTTP retrieval failure: " + signed + ": "
                        + failure.getMessage() + (attempt > 0 ? " (after " + (attempt + 1) + " attempts)" : ""));
            }
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookException(HTTP_RETRIEVAL_FAILURE, "HTTP retrieval interrupted: " + signed);
            }
        }
    }

    /** One attempt (over every instance behind the load balancer, when a connection is refused). */
    private String once(WebhookTally.Kind kind, URI signed, String method, Map<String, String> params,
            ConnectionOverrides overrides, long deadline) throws Failure {
        List<URI> targets = targets(signed);
        Failure last = null;
        for (URI target : targets) {
            try {
                String body = request(signed, target, method, params, overrides, deadline);
                tally.attempt(kind, "2xx");
                return body;
            } catch (Failure f) {
                tally.attempt(kind, f.outcome());
                last = f;
                if (f.kind != ConnectionOverrides.Kind.CT) {
                    throw f;
                }
            }
        }
        throw last;
    }

    private String request(URI signed, URI target, String method, Map<String, String> params,
            ConnectionOverrides overrides, long deadline) throws Failure {
        String form = encode(params);
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .timeout(Duration.ofMillis(Math.min(left, overrides.read().toMillis())))
                .header("User-Agent", "TwilioProxy/1.1 (callmask emulator)")
                .header("Accept", "*/*");
        if ("GET".equals(method)) {
            String query = (signed.getRawQuery() == null ? "?" : "&") + form;
            request.uri(URI.create(target + query)).GET()
                    .header("X-Twilio-Signature", signer.sign(signed + query, Map.of()));
        } else {
            Map<String, List<String>> signedParams = params.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
            request.uri(target).POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("X-Twilio-Signature", signer.sign(signed.toString(), signedParams));
        }
        HttpClient http = byConnectTimeout.computeIfAbsent(overrides.connect().toMillis(), ms -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(ms)).followRedirects(HttpClient.Redirect.NORMAL).build());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new Failure(ConnectionOverrides.Kind.CT, target + " refused the connection: " + e);
        } catch (HttpTimeoutException e) {
            throw new Failure(ConnectionOverrides.Kind.RT, target + " did not answer in time");
        } catch (IOException e) {
            // a reset or a closed connection after connecting: no answer was read
            throw new Failure(ConnectionOverrides.Kind.RT, target + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(ConnectionOverrides.Kind.OTHER, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new Failure(ConnectionOverrides.Kind.OTHER, "invalid webhook URL " + target);
        }
        int status = response.statusCode();
        if (status / 100 == 4) {
            throw new Failure(ConnectionOverrides.Kind.STATUS_4XX, status, target + " answered " + status);
        }
        if (status / 100 != 2) {
            throw new Failure(status / 100 == 5 ? ConnectionOverrides.Kind.STATUS_5XX : ConnectionOverrides.Kind.OTHER,
                    status, target + " answered " + status);
        }
        return response.body();
    }

    /** Where {@code signed} is sent: itself, or each balanced instance starting with the next in turn. */
    private List<URI> targets(URI signed) {
        String text = signed.toString();
        if (balancedUrl == null || instances.isEmpty() || !text.startsWith(balancedUrl)) {
            return List.of(signed);
        }
        String rest = text.substring(balancedUrl.length());
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        java.util.ArrayList<URI> targets = new java.util.ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            targets.add(URI.create(instances.get((first + i) % instances.size()) + rest));
        }
        return targets;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** One failed attempt, by the kind Twilio's retry policy names. */
    static final class Failure extends Exception {
        final ConnectionOverrides.Kind kind;
        final int status;

        Failure(ConnectionOverrides.Kind kind, String message) {
            this(kind, 0, message);
        }

        Failure(ConnectionOverrides.Kind kind, int status, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.status = status;
        }

        /** As {@link WebhookTally} names it. */
        String outcome() {
            return switch (kind) {
                case STATUS_4XX -> "4xx";
                case STATUS_5XX -> status == 503 ? "503" : "5xx";
                case CT -> "ct";
                case RT -> "rt";
                default -> "other";
            };
        }
    }
}
