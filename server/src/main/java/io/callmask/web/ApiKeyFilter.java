package io.callmask.web;

import io.callmask.core.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the API ({@code /v1/**}) with {@code Authorization: Bearer <key or token>} and stores the
 * {@link Caller} it stands for as a request attribute. A bearer value that is not an API key is
 * tried as a retailer token ({@link RetailerTokens}); a retailer caller reaches only what
 * {@link RetailerAccess} lists. Neither keys nor tokens are ever logged.
 */
@Component
@Order(10)
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiKeys apiKeys;
    private final RetailerTokens tokens;
    private final JsonMapper json;

    ApiKeyFilter(ApiKeys apiKeys, RetailerTokens tokens, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/v1") || path.startsWith("/v1/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String bearer = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()).strip() : null;
        Optional<Caller> caller = bearer == null ? Optional.empty() : apiKeys.identify(bearer);
        if (caller.isEmpty() && bearer != null && RetailerTokens.looksLikeToken(bearer)) {
            try {
                caller = Optional.of(Caller.retailer(tokens.verify(bearer)));
            } catch (RetailerTokens.Rejected e) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"callmask\", error=\"invalid_token\"");
                write(response, 401, e.slug(), e.slug().equals("token-expired") ? "Token expired" : "Invalid token",
                        e.getMessage());
                return;
            }
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"callmask\"");
            write(response, 401, "unauthorized", "Unauthorized",
                    header == null ? "Send an API key as 'Authorization: Bearer <key>'." : "The API key is not valid.");
            return;
        }
        if (!caller.get().isTrusted() && !RetailerAccess.allows(request.getMethod(), path(request))) {
            write(response, 403, "forbidden", "Forbidden",
                    "A retailer token may only start masked calls and read its own sessions and calls.");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(ProblemTypes.of(status, slug, title, detail)));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
