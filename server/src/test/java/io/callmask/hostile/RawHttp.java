package io.callmask.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, one connection per request, so that a test can send what no
 * well-behaved client would: any method, any target (raw {@code ..}, {@code //}, {@code %2F}),
 * duplicated headers, a body without a length (chunked), a declared length that is a lie. The body
 * is written on another thread while the answer is read, so an early 413 is seen even when the
 * server stops reading a 10 MB upload.
 */
final class RawHttp {

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A request as it goes on the wire; {@code chunked} sends the body without a Content-Length. */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {}

    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    Response send(Request request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            for (String[] h : request.headers()) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            byte[] body = request.body();
            if (body != null) {
                head.append(request.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> writeBody(out, body, request.chunked()));
            Response response = read(socket.getInputStream());
            writing.exceptionally(e -> null).join();
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("no HTTP answer to " + request.method() + " "
                    + abbreviate(request.target()) + ": " + e, e);
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        try {
            if (!chunked) {
                out.write(body);
            } else {
                for (int at = 0; at < body.length; at += 8192) {
                    int n = Math.min(8192, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException serverStoppedReading) {
            // expected when the server refuses a large body early
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else if (cl != null) {
            body = in.readNBytes(Integer.parseInt(cl.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = buffer.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 100) + "…(" + s.length() + " chars)";
    }
}
