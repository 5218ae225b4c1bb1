package io.callmask.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code callmask.limits.max-body-bytes} on the API and the webhooks
 * with 413, before authentication and before anything parses them: a declared Content-Length is
 * checked up front, and a body without one (chunked) is cut off while it is read. Runs first, so a
 * 10 MB body costs us neither a key check nor a JSON parse.
 */
@Component
@Order(5)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeLimitFilter(LimitsProperties limits, JsonMapper json) {
        this.maxBytes = limits.maxBodyBytes().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/webhooks/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // Tomcat drains (up to max-swallow-size) or closes the connection; we never read the body.
            response.setHeader("Connection", "close");
            reject(response);
            return;
        }
        if (request.getContentLengthLong() < 0 && isForm(request)) {
            // The servlet container parses form parameters from its own stream, which a wrapper
            // cannot cap; carriers always declare the length of their form posts.
            response.setStatus(411);
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(411, "length-required",
                    "Length required", "A form body must be sent with a Content-Length.")));
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    private void reject(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(tooLarge(maxBytes)));
    }

    static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
        return ProblemTypes.of(413, "body-too-large", "Request body too large",
                "The request body is larger than " + maxBytes + " bytes.");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Thrown while reading a body without a declared length once it passes the limit. */
    static final class TooLarge extends IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CappedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
