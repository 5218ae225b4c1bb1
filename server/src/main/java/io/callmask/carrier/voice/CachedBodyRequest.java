package io.callmask.carrier.voice;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose raw body was read once (for a carrier that signs the body's exact bytes, such as
 * Telnyx) and is served again to the controller: the stream and the form parameters, which are
 * parsed from the query string and then these same bytes, as the servlet container would.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Map<String, String[]> parameters;

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        Map<String, List<String>> merged = new LinkedHashMap<>();
        parse(request.getQueryString(), merged);
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8), merged);
        }
        Map<String, String[]> params = new LinkedHashMap<>();
        merged.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(params);
    }

    /** Reads the whole body of {@code request} (a size limit upstream caps it). */
    public static CachedBodyRequest of(HttpServletRequest request) throws IOException {
        return new CachedBodyRequest(request, request.getInputStream().readAllBytes());
    }

    public byte[] body() {
        return body.clone();
    }

    private static void parse(String form, Map<String, List<String>> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformedEscape) {
                // skipped, as a container skips a pair it cannot decode
            }
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public java.io.BufferedReader getReader() {
        return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
