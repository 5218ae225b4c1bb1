package io.callmask.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operator console over plain HTTP, as a browser speaks it: sign in with a form post, then
 * carry the {@code callmask_console} cookie. Sign-ins go over a raw socket from a loopback address
 * of the test's choosing (127.x.y.z), because failed sign-ins are limited per client address and
 * one test's failures must not lock the others out.
 */
public final class Console {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private String cookie;

    public Console(String base) {
        this.port = URI.create(base).getPort();
    }

    /** A raw answer: status, headers (lower-case names, first value) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        /** The body as an {@link Http.Response}, e.g. for its {@code json()}. */
        public Http.Response response() {
            return new Http.Response(status, body, contentType());
        }
    }

    /** A loopback address no other test uses, for a fresh failed-sign-in allowance. */
    public static String freshAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
    }

    /** Signs in with {@code key}; keeps the cookie when it worked. */
    public Answer signIn(String key) {
        return signIn(key, freshAddress(), null);
    }

    public Answer signIn(String key, String fromAddress, String origin) {
        String body = "key=" + Http.enc(key);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (origin != null) {
            headers.put("Origin", origin);
        }
        Answer answer = raw("POST", "/console/login", headers, body, fromAddress);
        String set = answer.header("set-cookie");
        if (answer.status() == 302 && set != null && set.startsWith("callmask_console=")) {
            cookie = set.substring(0, set.indexOf(';'));
        }
        return answer;
    }

    public String cookie() {
        return cookie;
    }

    public void useCookie(String nameEqualsValue) {
        this.cookie = nameEqualsValue;
    }

    public Answer get(String path) {
        return get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** A GET with the given Accept header, as a browser page or a script would send it. */
    public Answer get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Answer send(String method, String path, String origin) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return send(builder);
    }

    /** Opens the live stream; every line the server sends lands in the returned queue. */
    public void stream(BlockingQueue<String> lines) {
        HttpRequest request = request("/console/stream").header("Accept", "text/event-stream").GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            lines.add("status:" + r.statusCode());
            r.body().forEach(lines::add);
        });
    }

    public static BlockingQueue<String> queue() {
        return new LinkedBlockingQueue<>();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            return new Answer(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 over a socket bound to {@code fromAddress}, so the server sees that client address. */
    private Answer raw(String method, String path, Map<String, String> headers, String body, String fromAddress) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        List<String> lines = List.of(text.substring(0, end).split("\r\n"));
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.putIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        // ISO-8859-1 maps bytes to chars one to one, so chunk sizes (in bytes) are string lengths here
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
