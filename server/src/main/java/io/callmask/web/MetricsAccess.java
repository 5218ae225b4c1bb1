package io.callmask.web;

import io.callmask.core.config.CallmaskProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the actuator endpoints other than health and info ({@code /actuator/prometheus} above all) with
 * {@code Authorization: Bearer <metrics key>}: a key of {@code callmask.metrics.keys}, or when none is
 * configured the one generated into {@code <data-dir>/metrics-key}; an operator key is accepted too. The health
 * probes stay open, as orchestrators call them without credentials, and show no details.
 */
@Component
@Order(10)
class MetricsAccess extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final List<byte[]> keys;
    private final ApiKeys apiKeys;
    private final JsonMapper json;

    MetricsAccess(MetricsProperties metrics, CallmaskProperties properties, ApiKeys apiKeys, JsonMapper json) {
        List<String> given = metrics.keys();
        this.keys = (given.isEmpty()
                ? List.of(ApiKeys.generatedKey(properties.dataDir(), "metrics-key", "cmm_", "callmask.metrics.keys"))
                : given).stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.apiKeys = apiKeys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator/") || path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String bearer = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()).strip() : null;
        if (bearer != null && (matches(bearer) || apiKeys.identify(bearer).filter(c -> c.isOperator()).isPresent())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"callmask-metrics\"");
        response.setStatus(401);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(401, "unauthorized",
                "Unauthorized", "Send the metrics key as 'Authorization: Bearer <key>' (callmask.metrics.keys).")));
    }

    private boolean matches(String candidate) {
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, bytes);
        }
        return match;
    }
}
