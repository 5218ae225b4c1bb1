package io.callmask.carrier.telnyx;

import io.callmask.carrier.voice.CachedBodyRequest;
import io.callmask.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request under {@code /webhooks/telnyx} must carry a valid Ed25519 signature over its
 * timestamp and exact body ({@link Ed25519Webhooks}); the body is read once here and served again
 * to the controller. Anything else gets 403 and changes nothing.
 */
@Component
@TelnyxEnabled
@Order(20)
class TelnyxSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TelnyxSignatureFilter.class);

    private final Ed25519Webhooks signatures;
    private final JsonMapper json;

    TelnyxSignatureFilter(TelnyxProperties properties, Clock clock, JsonMapper json) {
        properties.requireComplete();
        this.signatures = new Ed25519Webhooks(properties.publicKey(), properties.signatureTolerance(), clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length())
                .startsWith(TelnyxWebhooks.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        String signature = request.getHeader("telnyx-signature-ed25519");
        if (signatures.valid(signature, request.getHeader("telnyx-timestamp"), cached.body())) {
            chain.doFilter(cached, response);
            return;
        }
        log.warn("Rejected a request to {} with {} Telnyx signature", request.getRequestURI(),
                signature == null ? "no" : "an invalid or stale");
        response.setStatus(403);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(403, "invalid-signature",
                "Invalid signature", "The telnyx-signature-ed25519 header is missing, stale or does not match this "
                        + "request.")));
    }
}
