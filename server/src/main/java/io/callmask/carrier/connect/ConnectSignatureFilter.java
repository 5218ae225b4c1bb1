package io.callmask.carrier.connect;

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
 * Every request under {@code /webhooks/connect} must carry the forwarding Lambda's HMAC over its
 * timestamp and exact body ({@link LambdaSignature}); the body is read once here and served again
 * to the controller. Anything else gets 403 and changes nothing.
 */
@Component
@ConnectEnabled
@Order(20)
class ConnectSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConnectSignatureFilter.class);

    private final LambdaSignature signatures;
    private final JsonMapper json;

    ConnectSignatureFilter(ConnectProperties properties, Clock clock, JsonMapper json) {
        properties.requireComplete();
        this.signatures = new LambdaSignature(properties.webhookSecret(), properties.signatureTolerance(), clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length())
                .startsWith(ConnectWebhookController.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        String signature = request.getHeader(LambdaSignature.SIGNATURE);
        if (signatures.valid(signature, request.getHeader(LambdaSignature.TIMESTAMP), cached.body())) {
            chain.doFilter(cached, response);
            return;
        }
        log.warn("Rejected a request to {} with {} callmask Lambda signature", request.getRequestURI(),
                signature == null ? "no" : "an invalid or stale");
        response.setStatus(403);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(403, "invalid-signature",
                "Invalid signature", "The X-Callmask-Signature header is missing, stale or does not match this "
                        + "request.")));
    }
}
