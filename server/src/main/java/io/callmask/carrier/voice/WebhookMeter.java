package io.callmask.carrier.voice;

import io.callmask.core.calling.CallMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every carrier webhook from the first byte to the answer, signature check included:
 * {@code callmask.webhook} (histogram) by carrier, webhook (voice, menu, connect, whisper, status, recording,
 * other), outcome and reason. {@link VoiceFlow} names the webhook and its outcome ({@link #mark}); a request it
 * never saw gets its outcome from the HTTP status. A 403 is an authenticity refusal (a bad signature, secret or
 * source) and also counts in {@code callmask.signature.refusals} by carrier. The carrier tag is the path's first
 * segment only when it names a carrier, so a stranger's path cannot mint series.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class WebhookMeter extends OncePerRequestFilter {

    static final Set<String> CARRIERS =
            Set.of("twilio", "telnyx", "plivo", "vonage", "connect", "msg91", "knowlarity", "exotel");
    private static final String PREFIX = "/webhooks/";
    private static final ThreadLocal<Mark> CURRENT = new ThreadLocal<>();

    private final MeterRegistry registry;

    WebhookMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** What the flow made of the request on this thread; ignored outside a webhook. */
    static void mark(String webhook, String outcome, String reason) {
        Mark mark = CURRENT.get();
        if (mark != null) {
            mark.webhook = webhook;
            mark.outcome = outcome;
            mark.reason = reason;
        }
    }

    /** Which webhook this is, said on entry: a failure before the outcome is known is still counted under it. */
    static void webhook(String webhook) {
        Mark mark = CURRENT.get();
        if (mark != null) {
            mark.webhook = webhook;
        }
    }

    /** The request on this thread was refused ({@code reason}), whatever the flow had decided before. */
    static void refused(String reason) {
        Mark mark = CURRENT.get();
        if (mark != null) {
            mark.outcome = "refused";
            mark.reason = reason;
        }
    }

    /** A report that could not be stored now ({@code outcome}: journaled, or unavailable when not even that). */
    static void report(String outcome) {
        Mark mark = CURRENT.get();
        if (mark != null) {
            mark.webhook = "status";
            mark.outcome = outcome;
            mark.reason = "database-unavailable";
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        Mark mark = new Mark();
        CURRENT.set(mark);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            record(path(request), response.getStatus(), mark, System.nanoTime() - started);
        }
    }

    private void record(String path, int status, Mark mark, long nanos) {
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        String carrier = CARRIERS.contains(first) ? first : "unknown";
        String webhook = mark.webhook != null ? mark.webhook : path.contains("recording") ? "recording" : "other";
        String outcome = mark.outcome;
        String reason = mark.reason;
        if (status == 403) {
            outcome = "rejected";
            reason = "not-authentic";
            Counter.builder("callmask.signature.refusals")
                    .description("Webhooks refused as not authentic (signature, secret or source)")
                    .tag("carrier", carrier).register(registry).increment();
        } else if (outcome == null) {
            outcome = status < 400 ? "ok" : status < 500 ? "rejected" : "error";
            reason = "http-" + status / 100 + "xx";
        }
        Timer.builder("callmask.webhook").description("Time to answer a carrier's webhook")
                .serviceLevelObjectives(CallMeters.LATENCY_BUCKETS)
                .tags("carrier", carrier, "webhook", webhook, "outcome", outcome, "reason", reason == null ? "none" : reason)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static final class Mark {
        String webhook;
        String outcome;
        String reason;
    }
}
