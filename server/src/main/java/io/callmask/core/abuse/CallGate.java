package io.callmask.core.abuse;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.routing.RouteDecision;
import io.callmask.core.session.Party;
import io.callmask.core.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The abuse checks a call passes before it is placed: a blocked retailer places no call, and
 * nobody is called outside the allowed hours of their time zone. Click-to-calls are refused with
 * 403 problem+json before anything is written; a dial-in gets a reason the caller hears. Only calls
 * placed by a session's retailer party are checked; customers may always call.
 */
@Component
public class CallGate {

    private final Blocks blocks;
    private final OutsideHoursRule outsideHours;
    private final AbuseMonitor monitor;
    private final Clock clock;

    CallGate(Blocks blocks, OutsideHoursRule outsideHours, AbuseMonitor monitor, Clock clock) {
        this.blocks = blocks;
        this.outsideHours = outsideHours;
        this.monitor = monitor;
        this.clock = clock;
    }

    /** Before a masked call for an order: refuses a blocked retailer, or a call outside the customer's hours. */
    public void checkMaskedCall(String retailerId, PhoneNumber customer) {
        refuseIfBlocked(retailerId);
        refuseIfOutsideHours(retailerId, customer, null);
    }

    /** A retailer asked to call about an order that is no longer active (the caller refuses it). */
    public void orderNotActive(String retailerId, String orderId) {
        monitor.attemptAfterOrderClosed(retailerId, orderId, null);
    }

    /** Any click-to-call attempt in a session, even one refused afterwards: a call after the order closed is a hit. */
    public void attempted(Session session, Party caller) {
        String retailerId = RetailerParty.idOf(caller);
        if (retailerId != null) {
            monitor.attemptAfterOrderClosed(retailerId, session.reference(), session.id());
        }
    }

    /** Before a click-to-call from {@code caller}: refuses a blocked retailer, or a call outside the callee's hours. */
    public void checkClickToCall(Session session, Party caller) {
        String retailerId = RetailerParty.idOf(caller);
        if (retailerId != null) {
            refuseIfBlocked(retailerId);
            refuseIfOutsideHours(retailerId, session.other(caller).real(), session.id());
        }
    }

    /** Before a dial-in is bridged: why it must not be, if it must not. */
    public Optional<RouteDecision.Reason> refuseDialIn(Session session, Party caller) {
        String retailerId = RetailerParty.idOf(caller);
        if (retailerId == null) {
            return Optional.empty();
        }
        if (blocks.active(retailerId, clock.instant()).isPresent()) {
            return Optional.of(RouteDecision.Reason.RETAILER_BLOCKED);
        }
        return outsideHours.check(retailerId, session.other(caller).real(), session.id())
                .map(wait -> RouteDecision.Reason.OUTSIDE_HOURS);
    }

    private void refuseIfBlocked(String retailerId) {
        Instant now = clock.instant();
        blocks.active(retailerId, now).ifPresent(block -> {
            throw new CallRefused("retailer-blocked", "Retailer blocked", "Retailer '" + retailerId
                    + "' may not place calls until " + block.blockedUntil() + " after an abuse alert ("
                    + block.rule() + "); an operator can lift the block.",
                    Duration.between(now, block.blockedUntil()),
                    Map.of("retailerId", retailerId, "blockedUntil", block.blockedUntil().toString(),
                            "rule", block.rule()));
        });
    }

    private void refuseIfOutsideHours(String retailerId, PhoneNumber customer, String sessionId) {
        outsideHours.check(retailerId, customer, sessionId).ifPresent(wait -> {
            throw new CallRefused("outside-allowed-hours", "Outside allowed hours", "Calls to this customer are "
                    + "allowed " + outsideHours.hours() + " in the customer's time zone; try again later.", wait,
                    Map.of("allowedHours", outsideHours.hours().toString()));
        });
    }
}
