package io.callmask.core.calling;

import io.callmask.core.call.Call;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.policy.CallLimits;
import io.callmask.core.routing.RouteDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The call meters. Every tag value comes from a closed vocabulary (carrier names, statuses, reasons), never
 * from a number, a session, an order, a call or a retailer, so the number of series stays bounded:
 * <ul>
 * <li>{@code callmask.dial_in.routing} (histogram) by carrier, outcome (bridge, menu, refused) and reason;
 * <li>{@code callmask.click_to_call} (histogram) by carrier and outcome (placed, refused, carrier-error);
 * <li>{@code callmask.legs.ended} by carrier, leg and status, once per leg (its first terminal status);
 * <li>{@code callmask.calls.ended} by carrier, kind and status, once per call (when its first leg ends);
 * <li>{@code callmask.hub.menu} by outcome (bridged, retry, wrong-code, refused);
 * <li>{@code callmask.rate_limit.refusals} by limit (retailer, customer) and channel (click-to-call, dial-in).
 * </ul>
 */
@Component
public class CallMeters {

    /** Buckets for answer times: the hot path is about a millisecond, a carrier's timeout 15 s. */
    public static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public CallMeters(MeterRegistry registry) {
        this.registry = registry;
        // Counters an alert or a panel reads exist from the start, at 0, rather than appearing with the first event.
        for (CallLimits.Limit limit : CallLimits.Limit.values()) {
            for (String channel : new String[] {"click-to-call", "dial-in"}) {
                rateLimitRefusals(limit, channel);
            }
        }
        for (String outcome : new String[] {"bridged", "retry", "wrong-code", "refused"}) {
            hubMenu(outcome);
        }
    }

    /** How long routing a dial-in took, by what it decided. */
    void routed(String carrier, RouteDecision decision, long nanos) {
        histogram("callmask.dial_in.routing", "Time to route a dial-in (pair lookup, gates, limits, call record)")
                .tags("carrier", carrier, "outcome", outcome(decision), "reason", reason(decision))
                .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void clickToCall(String carrier, String outcome, long nanos) {
        histogram("callmask.click_to_call", "Time to start a click-to-call, the carrier's answer included")
                .tags("carrier", carrier == null ? "none" : carrier, "outcome", outcome)
                .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void legEnded(String carrier, Leg.Role role, LegStatus status) {
        Counter.builder("callmask.legs.ended").description("Legs that reached a final status")
                .tags("carrier", carrier, "leg", role.wire(), "status", status.wire())
                .register(registry).increment();
    }

    void callEnded(Call call) {
        Counter.builder("callmask.calls.ended").description("Calls that ended, by their status when the first leg ended")
                .tags("carrier", call.carrier(), "kind", call.direction().wire(), "status", call.status().wire())
                .register(registry).increment();
    }

    void hubMenu(RouteDecision decision) {
        String outcome = decision instanceof RouteDecision.Bridge ? "bridged"
                : decision instanceof RouteDecision.Menu ? "retry"
                : ((RouteDecision.Reject) decision).reason() == RouteDecision.Reason.WRONG_CODE ? "wrong-code"
                : "refused";
        hubMenu(outcome).increment();
    }

    private Counter hubMenu(String outcome) {
        return Counter.builder("callmask.hub.menu").description("Order codes entered in the hub menu, by what followed")
                .tag("outcome", outcome).register(registry);
    }

    void rateLimited(CallLimits.Limit limit, String channel) {
        rateLimitRefusals(limit, channel).increment();
    }

    private Counter rateLimitRefusals(CallLimits.Limit limit, String channel) {
        return Counter.builder("callmask.rate_limit.refusals").description("Calls refused by a rate limit")
                .tags("limit", limit.wire(), "channel", channel).register(registry);
    }

    /** The {@code outcome} tag of a routing decision: bridge, menu or refused. */
    public static String outcome(RouteDecision decision) {
        return decision instanceof RouteDecision.Bridge ? "bridge"
                : decision instanceof RouteDecision.Menu ? "menu" : "refused";
    }

    /** The {@code reason} tag: a refusal's reason, else none. */
    public static String reason(RouteDecision decision) {
        return decision instanceof RouteDecision.Reject reject ? reject.reason().wire() : "none";
    }

    private static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS)
                .minimumExpectedValue(LATENCY_BUCKETS[0]).maximumExpectedValue(LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1]);
    }
}
