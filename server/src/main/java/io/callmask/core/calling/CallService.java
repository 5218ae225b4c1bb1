package io.callmask.core.calling;

import io.callmask.core.call.Call;
import io.callmask.core.call.CallContext;
import io.callmask.core.call.CallProperties;
import io.callmask.core.call.Calls;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.abuse.AbuseMonitor;
import io.callmask.core.abuse.CallGate;
import io.callmask.core.abuse.RetailerParty;
import io.callmask.carrier.BridgedCall;
import io.callmask.carrier.BridgingCarrier;
import io.callmask.carrier.Carrier;
import io.callmask.carrier.Carriers;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.CarrierRequests;
import io.callmask.carrier.OutboundCall;
import io.callmask.core.event.Events;
import io.callmask.core.routing.PlatformCallbacks;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.policy.CallLimits;
import io.callmask.core.routing.DialInRouter;
import io.callmask.core.routing.RouteDecision;
import io.callmask.core.routing.RouteDecision.Reason;
import io.callmask.core.session.Party;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionService;
import io.callmask.core.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places click-to-calls, answers dial-ins and the carrier's "caller answered" request with a
 * routing decision, and records every leg's status. Carrier adapters call in here with plain
 * values and render the {@link Answer} in their own markup.
 */
@Service
public class CallService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallService.class);

    static final String RETAILER_ROLE = "retailer";
    static final String CUSTOMER_ROLE = "customer";

    private final Calls calls;
    private final SessionService sessions;
    private final DialInRouter router;
    private final Carriers carriers;
    private final Events events;
    private final PlatformCallbacks callbacks;
    private final CallProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CallLimits limits;
    private final CallGate gate;
    private final AbuseMonitor abuse;
    private final CallMeters meters;
    private final CarrierRequests carrierRequests;

    CallService(Calls calls, SessionService sessions, DialInRouter router, Carriers carriers, Events events,
            PlatformCallbacks callbacks, CallProperties properties, TransactionTemplate tx, Clock clock,
            CallLimits limits, CallGate gate, AbuseMonitor abuse, CallMeters meters, CarrierRequests carrierRequests) {
        this.meters = meters;
        this.carrierRequests = carrierRequests;
        this.limits = limits;
        this.gate = gate;
        this.abuse = abuse;
        this.callbacks = callbacks;
        this.calls = calls;
        this.sessions = sessions;
        this.router = router;
        this.carriers = carriers;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A decision for the carrier, and the call it belongs to (null when the caller was turned away). */
    public record Answer(String callId, RouteDecision decision) {}

    /**
     * Rings {@code fromRole}'s phone from its masked number; on answer the carrier asks {@link #connect}.
     * The call counts against the rate limits of the session's retailer and of a called customer.
     */
    public Call startClickToCall(String sessionId, String fromRole) {
        return startClickToCall(sessionId, fromRole, true);
    }

    /** As {@link #startClickToCall(String, String)}; {@code limited} false: the caller already took the limits. */
    Call startClickToCall(String sessionId, String fromRole, boolean limited) {
        long started = System.nanoTime();
        String[] carrier = {null};
        String outcome = "refused";
        try {
            Call call = placeClickToCall(sessionId, fromRole, limited, carrier);
            outcome = "placed";
            return call;
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.CARRIER_FAILED) {
                outcome = "carrier-error";
            } else if (refused.kind() == Refusal.Kind.LIMITED) {
                Object limit = refused.facts().get("limit");
                for (CallLimits.Limit l : CallLimits.Limit.values()) {
                    if (l.wire().equals(limit)) {
                        meters.rateLimited(l, "click-to-call");
                    }
                }
            }
            throw refused;
        } finally {
            meters.clickToCall(carrier[0], outcome, System.nanoTime() - started);
        }
    }

    private Call placeClickToCall(String sessionId, String fromRole, boolean limited, String[] carrierName) {
        Session session = sessions.get(sessionId);
        session.party(fromRole).ifPresent(party -> gate.attempted(session, party));
        if (!session.openAt(clock.instant())) {
            throw Refusal.conflict("session-not-open", "Session not open",
                    "The session is " + session.status().wire() + "; open a new one to call.");
        }
        Party caller = session.party(fromRole).orElseThrow(() -> Refusal.invalid("unknown-role",
                "'from' must be one of this session's roles: "
                        + String.join(", ", session.parties().stream().map(Party::role).toList()) + "."));
        // Blocks and hours first: a refused call must not take from the limits.
        gate.checkClickToCall(session, caller);
        // The carrier that owns the caller's masked number is the one that may show it.
        Carrier carrier = carriers.owning(caller.masked());
        carrierName[0] = carrier.name();
        if (!carrier.capabilities().clickToCall()) {
            throw new Refusal(Refusal.Kind.NOT_POSSIBLE, "carrier-cannot-click-to-call", "Carrier cannot place calls",
                    "Carrier '" + carrier.name() + "', which owns the caller's masked number, only carries dial-ins: "
                            + "the caller dials the masked number instead.");
        }
        if (session.record() && !carrier.capabilities().recording()) {
            // refused before anything rings, as the webhook flow refuses a recorded dial-in on such a carrier
            throw new Refusal(Refusal.Kind.NOT_POSSIBLE, "carrier-cannot-record", "Carrier cannot record",
                    "The session is recorded, but carrier '" + carrier.name() + "', which owns the caller's masked "
                            + "number, cannot record a call with a notice to both parties; open the session "
                            + "without recording, or give its numbers to a carrier that records.");
        }
        String id = newId();
        CallContext.set(id);
        Instant now = clock.instant();
        // One commit for the limits and the call; the carrier is asked only after it, holding no lock.
        tx.executeWithoutResult(status -> {
            if (limited) {
                Party retailer = session.party(RETAILER_ROLE).orElse(null);
                Party callee = session.other(caller);
                limits.require(retailer == null ? null : retailer.externalId(),
                        retailer == null ? null : retailer.real(),
                        CUSTOMER_ROLE.equals(callee.role()) ? callee.real() : null);
            }
            calls.insert(id, session.id(), Call.Direction.CLICK_TO_CALL, caller.position(), RetailerParty.idOf(caller),
                    carrier.name(), now);
        });
        String carrierSid;
        try {
            carrierSid = carrier instanceof BridgingCarrier bridging
                    ? carrierRequests.timed(carrier, "place-bridge", () -> bridging.placeBridge(new BridgedCall(id,
                            caller.real(), session.other(caller).real(), caller.masked(), properties.ringTimeout(),
                            properties.timeLimit())))
                    : carrierRequests.timed(carrier, "place-call", () -> carrier.placeCall(new OutboundCall(id,
                            caller.real(), caller.masked(), properties.ringTimeout(), properties.timeLimit())));
        } catch (CarrierException e) {
            calls.fail(id, e.getMessage());
            calls.find(id).ifPresent(meters::callEnded);
            events.record("call.carrier-error", session.id(), id, e.getMessage());
            throw new Refusal(Refusal.Kind.CARRIER_FAILED, "carrier-error", "Carrier error",
                    "The carrier did not accept the call: " + e.getMessage(), Map.of("callId", id));
        }
        if (carrierSid != null) { // else the carrier names the leg in its first callback
            calls.ensureLeg(id, Leg.Role.CALLER, carrierSid, now);
        }
        log.info("Click-to-call {} of session {} placed on {} (leg {})", id, session.id(), carrier.name(), carrierSid);
        abuse.callStarted(id);
        return get(id);
    }

    /** The caller of a click-to-call answered: bridge to the other party while the session is open. */
    public Answer connect(String callId, String carrierSid) {
        Call call = calls.find(callId).orElse(null);
        if (call == null) {
            return new Answer(null, new RouteDecision.Reject(Reason.NOT_IN_SERVICE, null));
        }
        record(callId, Leg.Role.CALLER, carrierSid, LegStatus.IN_PROGRESS, null, null, clock.instant(), true);
        Answer answer = decide(call);
        if (answer.decision() instanceof RouteDecision.Reject) {
            events.record("call.session-ended", call.sessionId(), callId,
                    "The caller answered after the session had ended; nothing was dialled.");
        }
        return answer;
    }

    /**
     * A party dialled a masked number through {@code carrier}: route it, and record the call before
     * answering. A carrier's retry of the same call (same leg id) gets the call already made.
     */
    public Answer dialIn(String carrier, String carrierSid, PhoneNumber from, PhoneNumber to) {
        long started = System.nanoTime();
        Answer answer = settle(carrier, carrierSid, from, to, router.route(from, to));
        meters.routed(carrier, answer.decision(), System.nanoTime() - started);
        return answer;
    }

    /** A hub party entered an order code in the menu (attempt counts from 1). */
    public Answer dialInWithCode(String carrier, String carrierSid, PhoneNumber from, PhoneNumber to, String code,
            int attempt) {
        long started = System.nanoTime();
        Answer answer = settle(carrier, carrierSid, from, to, router.routeCode(from, to, code, attempt));
        meters.routed(carrier, answer.decision(), System.nanoTime() - started);
        meters.hubMenu(answer.decision());
        return answer;
    }

    private Answer settle(String carrier, String carrierSid, PhoneNumber from, PhoneNumber to, RouteDecision routed) {
        RouteDecision decision = refuseIfAbusive(routed);
        if (!(decision instanceof RouteDecision.Bridge bridge)) {
            // Off the bridge path only: a bridged retry is found by its leg's key when it is written.
            return retried(carrierSid).orElseGet(() -> turnAway(carrierSid, from, to, decision));
        }
        String id = newId();
        Instant now = clock.instant();
        Optional<CallLimits.Limit> limited;
        try {
            // One transaction, one commit: the limits' buckets are taken in it and given back by its rollback.
            limited = tx.execute(status -> {
                Optional<CallLimits.Limit> refused = limitDialIn(bridge);
                if (refused.isEmpty()) {
                    calls.insertDialIn(id, bridge.session().id(), bridge.caller().position(),
                            RetailerParty.idOf(bridge.caller()), carrier, carrierSid, now);
                }
                return refused;
            });
        } catch (DuplicateKeyException retry) {
            return retried(carrierSid).orElseThrow();
        }
        if (limited.isPresent()) {
            Optional<Answer> retry = retried(carrierSid); // a call bridged before the limit was reached
            if (retry.isPresent()) {
                return retry.get();
            }
            meters.rateLimited(limited.get(), "dial-in");
            events.record("dial-in.rate-limited", bridge.session().id(), null,
                    "A retailer's dial-in to the customer was turned away: the " + limited.get().wire()
                            + " rate limit is reached.");
            return new Answer(null, new RouteDecision.Reject(Reason.RATE_LIMITED, bridge.session().id()));
        }
        abuse.callStarted(id);
        return new Answer(id, decision);
    }

    /** The answer to a carrier's retry of a call already made under this leg id, if it is one. */
    private Optional<Answer> retried(String carrierSid) {
        return calls.findByLegSid(carrierSid).map(this::decide);
    }

    /** A menu, or a reject with its event, abuse check and platform callback. */
    private Answer turnAway(String carrierSid, PhoneNumber from, PhoneNumber to, RouteDecision decision) {
        if (decision instanceof RouteDecision.Reject reject) {
            if (reject.reason() == Reason.SESSION_ENDED) {
                abuse.dialInAfterSessionEnded(from, to);
            }
            events.record("dial-in.rejected", reject.sessionId(), null,
                    "A dial-in was turned away: " + reject.reason().wire() + ".");
            if (reject.reason().outOfSession()) {
                callbacks.send("dial-in.rejected", reject.reason().wire(), reject.sessionId(), carrierSid, to.e164());
            }
        }
        return new Answer(null, decision);
    }

    /**
     * A retailer dialling its customer's masked number starts a call as a click-to-call does, and
     * counts against the same limits; a customer calling a retailer is never limited.
     */
    private Optional<CallLimits.Limit> limitDialIn(RouteDecision.Bridge bridge) {
        Party caller = bridge.caller();
        Party callee = bridge.callee();
        if (!RETAILER_ROLE.equals(caller.role()) || !CUSTOMER_ROLE.equals(callee.role())) {
            return Optional.empty();
        }
        return Optional.ofNullable(limits.admit(caller.externalId(), caller.real(), callee.real()).limit());
    }

    /** A bridge the abuse rules forbid (a blocked retailer, outside the callee's hours) becomes a reject. */
    private RouteDecision refuseIfAbusive(RouteDecision decision) {
        if (decision instanceof RouteDecision.Bridge bridge) {
            return gate.refuseDialIn(bridge.session(), bridge.caller())
                    .<RouteDecision>map(reason -> new RouteDecision.Reject(reason, bridge.session().id()))
                    .orElse(decision);
        }
        return decision;
    }

    /** Records a status report for one leg; repeats and late arrivals change nothing. */
    public void report(String callId, Leg.Role role, String carrierSid, LegStatus status, Integer sequenceNumber,
            Integer durationSeconds) {
        report(callId, role, carrierSid, status, sequenceNumber, durationSeconds, clock.instant());
    }

    /** As {@link #report(String, Leg.Role, String, LegStatus, Integer, Integer)}, received at {@code at}. */
    void report(String callId, Leg.Role role, String carrierSid, LegStatus status, Integer sequenceNumber,
            Integer durationSeconds, Instant at) {
        if (!record(callId, role, carrierSid, status, sequenceNumber, durationSeconds, at, true)
                && !calls.exists(callId)) {
            throw Refusal.notFound("call", callId);
        }
    }

    /**
     * One transaction, one commit: the leg (created if new, unless {@code mayBeNew} is false because it was just
     * read), its status and its history. False: not applied.
     */
    private boolean record(String callId, Leg.Role role, String carrierSid, LegStatus status, Integer sequenceNumber,
            Integer durationSeconds, Instant now, boolean mayBeNew) {
        Instant answeredAt = status == LegStatus.IN_PROGRESS ? now
                : durationSeconds != null && durationSeconds > 0 ? now.minusSeconds(durationSeconds) : null;
        Calls.Applied applied = tx.execute(s -> {
            if (mayBeNew) {
                calls.ensureLeg(callId, role, carrierSid, now);
            }
            return calls.report(callId, carrierSid, status, sequenceNumber, answeredAt, durationSeconds, now);
        });
        if (applied == Calls.Applied.ADVANCED && status.terminal()) {
            ended(callId, role, carrierSid, status);
        }
        if (applied != Calls.Applied.NO_LEG && status.terminal()) {
            abuse.callEnded(callId);
        }
        return applied != Calls.Applied.NO_LEG;
    }

    /**
     * A leg reached its final status (once per leg): count it, and count the call when no other leg had ended,
     * since a call ends with its first leg. The one read this costs happens only here, once per leg.
     */
    private void ended(String callId, Leg.Role role, String carrierSid, LegStatus status) {
        calls.find(callId).ifPresent(call -> {
            log.info("Call {}: the {} leg {} ended {}", callId, role.wire(), carrierSid, status.wire());
            meters.legEnded(call.carrier(), role, status);
            // The leg that ended first ends the call: of two legs ending at once, exactly one sees itself first.
            Leg self = call.legs().stream().filter(l -> carrierSid.equals(l.carrierSid())).findFirst().orElse(null);
            boolean firstToEnd = self != null && call.legs().stream()
                    .filter(l -> l != self && l.status().terminal() && l.endedAt() != null)
                    .noneMatch(l -> l.endedAt().isBefore(self.endedAt()) || (l.endedAt().equals(self.endedAt())
                            && l.carrierSid().compareTo(self.carrierSid()) < 0));
            if (firstToEnd) {
                meters.callEnded(call);
            }
        });
    }

    /**
     * A leg's report that names only the carrier's leg id (a carrier's per-number hangup URL): applied
     * to the call that leg belongs to; false when no call has such a leg (nothing is stored).
     */
    public boolean reportLeg(String carrierSid, LegStatus status, Integer durationSeconds) {
        return reportLeg(carrierSid, status, durationSeconds, clock.instant());
    }

    /** As {@link #reportLeg(String, LegStatus, Integer)}, received at {@code at}. */
    boolean reportLeg(String carrierSid, LegStatus status, Integer durationSeconds, Instant at) {
        Optional<Call> call = calls.findByLegSid(carrierSid);
        if (call.isEmpty()) {
            return false;
        }
        Leg.Role role = call.get().legs().stream().filter(l -> carrierSid.equals(l.carrierSid())).findFirst()
                .map(Leg::role).orElse(Leg.Role.CALLER);
        CallContext.set(call.get().id());
        record(call.get().id(), role, carrierSid, status, null, durationSeconds, at, false); // the leg was just read
        return true;
    }

    /** The id of the call that has a leg with this carrier id, if any. */
    public Optional<String> callOfLeg(String carrierSid) {
        return calls.findByLegSid(carrierSid).map(Call::id);
    }

    public Call get(String id) {
        return calls.find(id).orElseThrow(() -> Refusal.notFound("call", id));
    }

    public List<Call> forSession(String sessionId) {
        sessions.get(sessionId);
        return calls.findBySession(sessionId, 500);
    }

    /** Bridge a call of this session to the other party while the session is open. */
    private Answer decide(Call call) {
        Session session = sessions.get(call.sessionId());
        if (!session.openAt(clock.instant())) {
            return new Answer(call.id(), new RouteDecision.Reject(Reason.SESSION_ENDED, session.id()));
        }
        Party caller = session.party(call.callerPosition());
        return new Answer(call.id(), new RouteDecision.Bridge(session, caller, session.other(caller)));
    }

    private static String newId() {
        return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
