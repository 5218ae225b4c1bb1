package io.callmask.carrier.vonage;

import io.callmask.carrier.voice.CachedBodyRequest;
import io.callmask.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request under {@code /webhooks/vonage} must carry a valid signed-webhook JWT
 * ({@link SignedWebhooks}); the body is read once here and served again to the controller. Anything
 * else gets 403 and changes nothing. An application whose callbacks are not signed is therefore
 * refused outright: enable signed callbacks on it (docs/carriers.md#vonage).
 */
@Component
@VonageEnabled
@Order(20)
class VonageSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(VonageSignatureFilter.class);

    private final SignedWebhooks signatures;
    private final JsonMapper json;

    VonageSignatureFilter(VonageProperties properties, Clock clock, JsonMapper json) {
        properties.requireComplete();
        this.signatures = new SignedWebhooks(properties.signatureSecret(), properties.apiKey(),
                properties.signatureTolerance(), clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length())
                .startsWith(VonageWebhooks.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        var headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.size() == 1 && signatures.valid(headers.get(0), cached.body())) {
            chain.doFilter(cached, response);
            return;
        }
        log.warn("Rejected a request to {} with {} Vonage signature", request.getRequestURI(),
                headers.isEmpty() ? "no" : "an invalid or stale");
        response.setStatus(403);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(403, "invalid-signature",
                "Invalid signature", "The Authorization header carries no valid, current Vonage signature for this "
                        + "request.")));
    }
}
