package io.callmask.carrier.plivo;

import io.callmask.web.ProblemTypes;
import io.callmask.web.PublicBaseUrl;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request under {@code /webhooks/plivo} must carry a valid {@code X-Plivo-Signature-V3} for
 * its {@code X-Plivo-Signature-V3-Nonce}, checked against the URL Plivo requested (our public base URL
 * plus path and query) and the form parameters ({@link SignatureV3}). Anything else gets 403.
 */
@Component
@PlivoEnabled
@Order(20)
class PlivoSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PlivoSignatureFilter.class);

    private final SignatureV3 signatures;
    private final PublicBaseUrl baseUrl;
    private final JsonMapper json;

    PlivoSignatureFilter(PlivoProperties properties, PublicBaseUrl baseUrl, JsonMapper json) {
        properties.requireComplete();
        this.signatures = new SignatureV3(properties.authToken());
        this.baseUrl = baseUrl;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PlivoWebhooks.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String url = baseUrl.resolve(path(request)) + (query == null ? "" : "?" + query);
        String signature = request.getHeader("X-Plivo-Signature-V3");
        // A body that is not a form has no parameters to sign; the controller then refuses its type (415).
        if (signatures.valid(url, bodyParameters(request, query), request.getHeader("X-Plivo-Signature-V3-Nonce"),
                signature)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Rejected a request to {} with {} Plivo signature", path(request), signature == null ? "no" : "an invalid");
        response.setStatus(403);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(403, "invalid-signature",
                "Invalid signature", "The X-Plivo-Signature-V3 header is missing or does not match this request.")));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The servlet API merges query and body parameters (query first); Plivo signs them apart. */
    private static Map<String, List<String>> bodyParameters(HttpServletRequest request, String query) {
        Map<String, List<String>> fromQuery = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                fromQuery.computeIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, List<String>> body = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(List.of(values));
            fromQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                body.put(name, remaining);
            }
        });
        return body;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
