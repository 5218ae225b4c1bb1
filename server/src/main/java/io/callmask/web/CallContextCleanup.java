package io.callmask.web;

import io.callmask.core.call.CallContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends every request with no call id in the logging context ({@link CallContext}), so a pooled request thread
 * never lends one call's id to the next request's log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallContextCleanup extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallContext.clear();
        try {
            chain.doFilter(request, response);
        } finally {
            CallContext.clear();
        }
    }
}
