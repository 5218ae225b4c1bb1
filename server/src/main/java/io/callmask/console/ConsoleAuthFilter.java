package io.callmask.console;

import io.callmask.core.Caller;
import io.callmask.web.PublicBaseUrl;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /console/**}: a request needs a valid console cookie ({@link ConsoleSessions}) and
 * then carries the operator as a {@link Caller}. Without one, a page is redirected to the sign-in
 * form, an htmx request is told to go there ({@code HX-Redirect}), an event stream gets 401.
 * Anything but GET must come from the console's own origin: with the SameSite=Strict cookie that
 * closes cross-site request forgery without a token in every form.
 */
@Component
@Order(11)
class ConsoleAuthFilter extends OncePerRequestFilter {

    static final String LOGIN = "/console/login";

    private final ConsoleSessions sessions;
    private final PublicBaseUrl publicBaseUrl;

    ConsoleAuthFilter(ConsoleSessions sessions, PublicBaseUrl publicBaseUrl) {
        this.sessions = sessions;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/console") || path.startsWith("/console/")) || path.equals(LOGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !sameOrigin(request, publicBaseUrl.get())) {
            response.sendError(403, "Cross-origin request refused");
            return;
        }
        Optional<Caller> operator = cookie(request).flatMap(sessions::verify);
        if (operator.isEmpty()) {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", LOGIN);
                response.setStatus(401);
            } else if ("GET".equals(request.getMethod()) && !accepts(request, "text/event-stream")) {
                response.sendRedirect(request.getContextPath() + LOGIN);
            } else {
                response.setStatus(401);
            }
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, operator.get());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> ConsoleSessions.COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    /**
     * No Origin (same-origin form posts from older browsers omit it), this server's own as the Host
     * header names it, or the public base URL's (behind a proxy that rewrites Host).
     */
    static boolean sameOrigin(HttpServletRequest request, String publicBaseUrl) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (publicBaseUrl != null && origin.equalsIgnoreCase(publicBaseUrl.replaceFirst("^(https?://[^/]+).*$", "$1"))) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
