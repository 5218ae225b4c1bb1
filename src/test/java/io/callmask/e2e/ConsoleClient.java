package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The console as a browser without JavaScript sees it: signs in with an operator key, then keeps the cookie. */
final class ConsoleClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String cookie;

    ConsoleClient(String base) {
        this.base = base;
    }

    ConsoleClient signIn(String operatorKey) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + Http.enc(operatorKey))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(cookie).startsWith("callmask_console=");
        return this;
    }

    /** A page, with a browser's Accept header. */
    Http.Response get(String path) {
        return get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    Http.Response get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> r = send(request);
        return new Http.Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
