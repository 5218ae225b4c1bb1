package io.callmask.carrier.voice;

import io.callmask.carrier.Carrier;
import io.callmask.carrier.Carriers;
import io.callmask.core.call.CallContext;
import io.callmask.core.call.CallProperties;
import io.callmask.core.calling.CallMeters;
import io.callmask.core.calling.CallService;
import io.callmask.core.calling.ReportJournal;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.event.Events;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.recording.RecordingProperties;
import io.callmask.core.routing.DialInProperties;
import io.callmask.core.routing.HubProperties;
import io.callmask.core.routing.RouteDecision;
import io.callmask.core.session.SessionService;
import io.callmask.core.Refusal;
import io.callmask.core.storage.DatabaseFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The carrier-neutral half of every adapter's voice webhooks. An adapter parses its carrier's
 * request, checks its authenticity, calls one method here with plain values and renders the
 * {@link VoiceReply} in its own markup. Routing is decided in the domain ({@link CallService});
 * what callers hear comes from configuration; a call that needs a feature the carrier lacks is
 * refused here, the same way for every carrier.
 */
@Component
public class VoiceFlow {

    private static final Logger log = LoggerFactory.getLogger(VoiceFlow.class);

    private final CallService calls;
    private final SessionService sessions;
    private final Carriers carriers;
    private final Events events;
    private final DialInProperties messages;
    private final HubProperties hub;
    private final CallProperties callProperties;
    private final RecordingProperties recording;
    private final ReportJournal journal;
    private final Clock clock;

    VoiceFlow(CallService calls, SessionService sessions, Carriers carriers, Events events,
            DialInProperties messages, HubProperties hub, CallProperties callProperties,
            RecordingProperties recording, ReportJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        this.calls = calls;
        this.sessions = sessions;
        this.carriers = carriers;
        this.events = events;
        this.messages = messages;
        this.hub = hub;
        this.callProperties = callProperties;
        this.recording = recording;
    }

    /** A party dialled one of our numbers through {@code carrier}. */
    public VoiceReply dialIn(Carrier carrier, String callSid, String from, String to) {
        WebhookMeter.webhook("voice"); // a dial-in the database cannot route is still a voice webhook
        Optional<PhoneNumber> caller = e164(from);
        Optional<PhoneNumber> dialled = e164(to);
        if (caller.isEmpty() || dialled.isEmpty()) {
            log.info("Dial-in {} turned away: caller or dialled value is not E.164", callSid);
            WebhookMeter.mark("voice", "refused", "not-e164");
            return new VoiceReply.SayAndHangUp(messages.unknownCallerMessage());
        }
        CallService.Answer answer = calls.dialIn(carrier.name(), callSid, caller.get(), dialled.get());
        CallContext.set(answer.callId());
        mark("voice", answer);
        log.info("Dial-in {} on {} -> {}", callSid, carrier.name(), outcome(answer));
        return render(carrier, answer, dialled.get());
    }

    /** A hub party answered the order-code menu ({@code digits} null: it said nothing). */
    public VoiceReply menu(Carrier carrier, String callSid, String from, String to, String digits, int attempt) {
        WebhookMeter.webhook("menu");
        Optional<PhoneNumber> caller = e164(from);
        Optional<PhoneNumber> dialled = e164(to);
        if (caller.isEmpty() || dialled.isEmpty() || attempt < 1) {
            WebhookMeter.mark("menu", "refused", "not-e164");
            return new VoiceReply.SayAndHangUp(hub.goodbyeMessage());
        }
        CallService.Answer answer = calls.dialInWithCode(carrier.name(), callSid, caller.get(), dialled.get(),
                WebhookInput.digits(digits), attempt);
        CallContext.set(answer.callId());
        mark("menu", answer);
        log.info("Hub menu {} attempt {} -> {}", callSid, attempt, outcome(answer));
        return render(carrier, answer, dialled.get());
    }

    /** The caller of a click-to-call answered; bridge it to the other party. */
    public VoiceReply connect(Carrier carrier, String callId, String callSid) {
        WebhookMeter.webhook("connect");
        CallContext.set(callId);
        CallService.Answer answer = calls.connect(callId, callSid);
        mark("connect", answer);
        return render(carrier, answer, null);
    }

    /**
     * Played to the callee before a call to it is bridged: which order the call is about (a hub
     * party, {@code order}), then that the call is recorded ({@code consent}).
     */
    public VoiceReply.Say whisper(String sessionId, boolean order, boolean consent) {
        WebhookMeter.mark("whisper", "answered", null);
        List<String> said = new ArrayList<>();
        if (order) {
            try {
                said.add(hub.whisperFor(sessions.get(sessionId).reference()));
            } catch (Refusal refused) {
                if (refused.kind() != Refusal.Kind.NOT_FOUND) {
                    throw refused;
                }
                // the session is gone: bridge without an announcement rather than fail the call
            }
        }
        if (consent) {
            said.add(recording.consentMessage()); // whatever the session lookup says: the call is recorded
        }
        return new VoiceReply.Say(said);
    }

    /**
     * Progress of one leg; repeats and late arrivals change nothing. While the database is away the report is
     * kept on local disk ({@link ReportJournal}) and applied once it is back, so the carrier's callback succeeds
     * and the end of the call is not lost.
     */
    public void status(String callId, Leg.Role role, String callSid, LegStatus status, Integer sequence,
            Integer duration) {
        CallContext.set(callId);
        Instant received = clock.instant();
        try {
            calls.report(callId, role, callSid, status, sequence, duration);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            journal.leg(callId, role, callSid, status, sequence, duration, received);
            kept(callSid, status);
            return;
        }
        WebhookMeter.mark("status", "applied", status.wire());
    }

    private void kept(String callSid, LegStatus status) {
        log.warn("Database unavailable: kept the {} report of leg {} in the journal", status.wire(), callSid);
        WebhookMeter.report("journaled");
    }

    /** A leg's end reported under the carrier's leg id alone; unknown legs are ignored. */
    public boolean legEnded(String callSid, LegStatus status, Integer duration) {
        Instant received = clock.instant();
        boolean known;
        try {
            known = calls.reportLeg(callSid, status, duration);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            journal.legOnly(callSid, status, duration, received);
            kept(callSid, status);
            return true;
        }
        WebhookMeter.mark("status", known ? "applied" : "ignored", known ? status.wire() : "unknown-leg");
        return known;
    }

    /**
     * The dial to the callee ended: record the callee's outcome (when the carrier names its leg)
     * and finish the caller's call, telling it when the callee could not be reached.
     */
    public VoiceReply dialComplete(String callId, LegStatus dialStatus, String dialSid, Integer duration) {
        LegStatus status = dialStatus == LegStatus.IN_PROGRESS ? LegStatus.COMPLETED : dialStatus; // bridge ended
        if (dialSid != null && !dialSid.isBlank()) {
            status(callId, Leg.Role.CALLEE, dialSid, status, null, duration);
        } else {
            CallContext.set(callId);
            WebhookMeter.mark("status", "applied", status.wire());
        }
        boolean unreachable = status == LegStatus.BUSY || status == LegStatus.NO_ANSWER || status == LegStatus.FAILED;
        return unreachable ? new VoiceReply.SayAndHangUp(messages.calleeUnavailableMessage()) : new VoiceReply.HangUp();
    }

    /** The database is away: the caller hears a polite message instead of the carrier's error. */
    public VoiceReply unavailable() {
        WebhookMeter.refused("database-unavailable");
        return new VoiceReply.SayAndHangUp(messages.unavailableMessage());
    }

    private VoiceReply render(Carrier carrier, CallService.Answer answer, PhoneNumber dialled) {
        if (answer.decision() instanceof RouteDecision.Bridge bridge) {
            boolean record = bridge.session().record();
            boolean announceOrder = bridge.callee().onHub() && hub.whisper()
                    && carrier.capabilities().whisper();
            Optional<String> refusal = refusal(carrier, bridge, record);
            if (refusal.isPresent()) {
                log.warn("Call {} refused on {}: {}", answer.callId(), carrier.name(), refusal.get());
                WebhookMeter.refused("carrier-cannot");
                events.record("call.carrier-cannot", bridge.session().id(), answer.callId(), refusal.get());
                return new VoiceReply.SayAndHangUp(messages.unavailableMessage());
            }
            return new VoiceReply.Dial(answer.callId(), bridge.dial(), bridge.callerId(), callProperties.ringTimeout(),
                    callProperties.timeLimit(), bridge.session().id(), announceOrder,
                    record ? recording.consentMessage() : null);
        }
        if (answer.decision() instanceof RouteDecision.Menu menu) {
            if (!carrier.capabilities().hubMenu()) {
                log.warn("Hub dial-in refused on {}: the carrier has no order-code menu", carrier.name());
                WebhookMeter.refused("carrier-cannot");
                return new VoiceReply.SayAndHangUp(messages.unavailableMessage());
            }
            return new VoiceReply.Menu(menu.attempt(), menu.attempt() == 1 ? hub.menuPrompt() : hub.retryPrompt());
        }
        return reject(((RouteDecision.Reject) answer.decision()).reason(), dialled);
    }

    /** Why this carrier cannot make this bridge, if it cannot; the text holds no number. */
    private Optional<String> refusal(Carrier carrier, RouteDecision.Bridge bridge, boolean record) {
        if (!carriers.canShow(carrier, bridge.callerId())) {
            return Optional.of("carrier " + carrier.name() + " cannot show the callee's masked number, which another "
                    + "carrier owns (no foreign caller ID)");
        }
        if (record && !carrier.capabilities().recording()) {
            return Optional.of("the session is recorded, but carrier " + carrier.name()
                    + " cannot record a bridge with a notice to both parties");
        }
        return Optional.empty();
    }

    private VoiceReply reject(RouteDecision.Reason reason, PhoneNumber dialled) {
        if (reason == RouteDecision.Reason.WRONG_CODE) {
            return new VoiceReply.SayAndHangUp(hub.goodbyeMessage());
        }
        String forwardTo = messages.forwardTo(reason);
        return forwardTo != null && dialled != null
                ? new VoiceReply.SayAndForward(messages.messageFor(reason), forwardTo, dialled)
                : new VoiceReply.SayAndHangUp(messages.messageFor(reason));
    }

    private static void mark(String webhook, CallService.Answer answer) {
        WebhookMeter.mark(webhook, CallMeters.outcome(answer.decision()), CallMeters.reason(answer.decision()));
    }

    private static String outcome(CallService.Answer answer) {
        if (answer.decision() instanceof RouteDecision.Reject reject) {
            return "turned away (" + reject.reason().wire() + ")";
        }
        return answer.decision() instanceof RouteDecision.Menu ? "order-code menu" : "call " + answer.callId();
    }

    private static Optional<PhoneNumber> e164(String text) {
        try {
            return Optional.of(PhoneNumber.ofE164(text.strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
