package io.callmask.carrier.twilio;

import com.twilio.security.RequestValidator;
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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request under {@code /webhooks/twilio} must carry a valid {@code X-Twilio-Signature},
 * checked by the SDK's {@link RequestValidator} against the URL Twilio requested (our public base
 * URL plus path and query) and the POST parameters alone. Anything else gets 403 and changes nothing.
 */
@Component
@TwilioEnabled
@Order(20)
class TwilioSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

    private final RequestValidator validator;
    private final PublicBaseUrl baseUrl;
    private final JsonMapper json;

    TwilioSignatureFilter(TwilioAccount account, PublicBaseUrl baseUrl, JsonMapper json) {
        this.validator = new RequestValidator(account.authToken());
        this.baseUrl = baseUrl;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(TwilioWebhooks.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String signature = request.getHeader("X-Twilio-Signature");
        String query = request.getQueryString();
        String url = baseUrl.resolve(path(request)) + (query == null ? "" : "?" + query);
        if (signature != null && validator.validate(url, bodyParameters(request, query), signature)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Rejected a request to {} with {} Twilio signature", path(request),
                signature == null ? "no" : "an invalid");
        response.setStatus(403);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(403, "invalid-signature",
                "Invalid signature", "The X-Twilio-Signature header is missing or does not match this request.")));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The servlet API merges query and body parameters (query values first); Twilio signs the body
     * parameters only, so the query's values are taken back out.
     */
    private static Map<String, String> bodyParameters(HttpServletRequest request, String query) {
        Map<String, List<String>> fromQuery = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                fromQuery.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String> body = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(List.of(values));
            fromQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                // Twilio never repeats a parameter name in a voice webhook; the first value stands.
                body.put(name, remaining.get(0));
            }
        });
        return body;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
