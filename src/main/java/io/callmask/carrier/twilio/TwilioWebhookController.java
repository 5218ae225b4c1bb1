package io.callmask.carrier.twilio;

import io.callmask.call.CallProperties;
import io.callmask.call.CallService;
import io.callmask.call.Leg;
import io.callmask.call.LegStatus;
import io.callmask.number.PhoneNumber;
import io.callmask.recording.RecordingProperties;
import io.callmask.routing.DialInProperties;
import io.callmask.routing.HubProperties;
import io.callmask.session.SessionService;
import io.callmask.routing.RouteDecision;
import io.callmask.web.Ids;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's voice webhooks. Each turns Twilio's parameters into a call on {@link CallService} and
 * renders the answer as TwiML; routing is decided in the domain, never here. Requests reach this
 * controller only with a valid signature ({@link TwilioSignatureFilter}).
 */
@RestController
// Twilio posts forms; anything else (JSON, XML) is refused with 415 before a parameter is read.
@RequestMapping(path = TwilioWebhooks.BASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final CallService calls;
    private final SessionService sessions;
    private final Twiml twiml;
    private final TwilioWebhooks webhooks;
    private final DialInProperties messages;
    private final HubProperties hub;
    private final CallProperties callProperties;
    private final RecordingProperties recording;

    TwilioWebhookController(CallService calls, SessionService sessions, Twiml twiml, TwilioWebhooks webhooks,
            DialInProperties messages, HubProperties hub, CallProperties callProperties,
            RecordingProperties recording) {
        this.recording = recording;
        this.calls = calls;
        this.sessions = sessions;
        this.webhooks = webhooks;
        this.hub = hub;
        this.twiml = twiml;
        this.messages = messages;
        this.callProperties = callProperties;
    }

    /**
     * The database is away: a caller hears a polite message instead of Twilio's "application error";
     * a status report gets 503 so the failure is visible rather than silently acknowledged.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            // the connection died mid-transaction (e.g. during the rollback): nothing was committed
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<String> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.error("Database unavailable during a Twilio webhook ({})", e.getClass().getSimpleName());
        if (request.getRequestURI().endsWith("/status")) {
            return ResponseEntity.status(503).header("Retry-After", "5").build();
        }
        return xml(twiml.sayAndHangUp(messages.unavailableMessage()));
    }

    /** A party dialled one of our numbers. */
    @PostMapping("/voice")
    ResponseEntity<String> voice(@RequestParam("CallSid") String callSid, @RequestParam("From") String from,
            @RequestParam("To") String to) {
        sid(callSid);
        Optional<PhoneNumber> caller = e164(from);
        Optional<PhoneNumber> dialled = e164(to);
        if (caller.isEmpty() || dialled.isEmpty()) {
            log.info("Dial-in {} turned away: caller or dialled value is not E.164", callSid);
            return xml(twiml.sayAndHangUp(messages.unknownCallerMessage()));
        }
        CallService.Answer answer = calls.dialIn(callSid, caller.get(), dialled.get());
        log.info("Dial-in {} -> {}", callSid, outcome(answer));
        return xml(render(answer, dialled.get()));
    }

    /** A hub party answered the order-code menu (no {@code Digits}: it said nothing). */
    @PostMapping("/menu")
    ResponseEntity<String> menu(@RequestParam("attempt") int attempt, @RequestParam("CallSid") String callSid,
            @RequestParam("From") String from, @RequestParam("To") String to,
            @RequestParam(name = "Digits", required = false) String digits) {
        sid(callSid);
        Optional<PhoneNumber> caller = e164(from);
        Optional<PhoneNumber> dialled = e164(to);
        if (caller.isEmpty() || dialled.isEmpty() || attempt < 1) {
            return xml(twiml.sayAndHangUp(hub.goodbyeMessage()));
        }
        // Keypads send 0-9, * and #; anything else (a NUL, which PostgreSQL refuses in a query,
        // or 10 000 keys) is no code at all, and the menu asks again like after silence.
        String code = digits != null && digits.strip().matches("[0-9*#]{1,32}") ? digits : null;
        CallService.Answer answer = calls.dialInWithCode(callSid, caller.get(), dialled.get(), code, attempt);
        log.info("Hub menu {} attempt {} -> {}", callSid, attempt, outcome(answer));
        return xml(render(answer, dialled.get()));
    }

    /**
     * Played to the callee before a call to it is bridged: which order the call is about (a hub
     * party, {@code order}), then that the call is recorded ({@code consent}).
     */
    @PostMapping("/whisper")
    ResponseEntity<String> whisper(@RequestParam("session") String sessionId,
            @RequestParam(name = "order", defaultValue = "true") boolean order,
            @RequestParam(name = "consent", defaultValue = "false") boolean consent) {
        List<String> messages = new ArrayList<>();
        if (order) {
            try {
                messages.add(hub.whisperFor(sessions.get(id(sessionId, "session")).reference()));
            } catch (Problem unknownSession) {
                // bridge without an announcement rather than fail the call
            }
        }
        if (consent) {
            messages.add(recording.consentMessage()); // whatever the session lookup says: the call is recorded
        }
        return xml(twiml.say(messages));
    }

    /** The caller of a click-to-call answered; Twilio asks what to do next. */
    @PostMapping("/connect")
    ResponseEntity<String> connect(@RequestParam("call") String callId, @RequestParam("CallSid") String callSid) {
        return xml(render(calls.connect(id(callId, "call"), sid(callSid)), null));
    }

    /** Progress of a leg: {@code leg=caller} for the first leg, {@code leg=callee} for the dialled one. */
    @PostMapping("/status")
    ResponseEntity<Void> status(@RequestParam("call") String callId, @RequestParam("leg") String leg,
            @RequestParam("CallSid") String callSid, @RequestParam("CallStatus") String callStatus,
            @RequestParam(name = "SequenceNumber", required = false) Integer sequence,
            @RequestParam(name = "CallDuration", required = false) Integer duration) {
        calls.report(id(callId, "call"), role(leg), sid(callSid), status(callStatus), notNegative("SequenceNumber", sequence),
                notNegative("CallDuration", duration));
        return ResponseEntity.noContent().build();
    }

    /** The {@code <Dial>} ended; record the callee's outcome and finish the caller's call. */
    @PostMapping("/dial-complete")
    ResponseEntity<String> dialComplete(@RequestParam("call") String callId,
            @RequestParam("DialCallStatus") String dialStatus,
            @RequestParam(name = "DialCallSid", required = false) String dialSid,
            @RequestParam(name = "DialCallDuration", required = false) Integer duration) {
        LegStatus status = status(dialStatus);
        if (status == LegStatus.IN_PROGRESS) {
            status = LegStatus.COMPLETED; // "answered": the bridge ended, so the leg did too
        }
        if (dialSid != null && !dialSid.isBlank()) {
            calls.report(id(callId, "call"), Leg.Role.CALLEE, sid(dialSid), status, null, notNegative("DialCallDuration", duration));
        }
        boolean unreachable = status == LegStatus.BUSY || status == LegStatus.NO_ANSWER || status == LegStatus.FAILED;
        return xml(unreachable ? twiml.sayAndHangUp(messages.calleeUnavailableMessage()) : twiml.hangUp());
    }

    /** Renders a decision; {@code dialled} is the number the caller dialled (null for click-to-call). */
    private String render(CallService.Answer answer, PhoneNumber dialled) {
        if (answer.decision() instanceof RouteDecision.Bridge bridge) {
            // A recorded call: the caller hears the notice before the dial, the callee in its whisper.
            boolean record = bridge.session().record();
            boolean announceOrder = bridge.callee().onHub() && hub.whisper();
            String whisper = announceOrder || record
                    ? webhooks.whisper(bridge.session().id(), announceOrder, record) : null;
            return twiml.dial(answer.callId(), bridge.dial().e164(), bridge.callerId().e164(),
                    callProperties.ringTimeout(), callProperties.timeLimit(), whisper,
                    record ? recording.consentMessage() : null);
        }
        if (answer.decision() instanceof RouteDecision.Menu menu) {
            return twiml.menu(menu.attempt(), menu.attempt() == 1 ? hub.menuPrompt() : hub.retryPrompt());
        }
        return reject(((RouteDecision.Reject) answer.decision()).reason(), dialled);
    }

    private String reject(RouteDecision.Reason reason, PhoneNumber dialled) {
        if (reason == RouteDecision.Reason.WRONG_CODE) {
            return twiml.sayAndHangUp(hub.goodbyeMessage());
        }
        String forwardTo = messages.forwardTo(reason);
        return forwardTo != null && dialled != null
                ? twiml.sayAndForward(messages.messageFor(reason), forwardTo, dialled.e164())
                : twiml.sayAndHangUp(messages.messageFor(reason));
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
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A call SID is a key of our legs table (at most 64 characters); Twilio's are {@code CA} and
     * 32 hex digits. Anything else is refused before it reaches the database.
     */
    private static String sid(String text) {
        if (text == null || !text.matches("[A-Za-z0-9]{2,64}")) {
            throw Problem.badRequest("invalid-call-sid", "The call SID is not a Twilio SID.");
        }
        return text;
    }

    /**
     * Our own ids come back in webhook URLs; one that does not have their shape (a NUL, which
     * PostgreSQL refuses in text, or 10 KB of junk) is unknown without asking the database.
     */
    private static String id(String text, String what) {
        if (text == null || !text.matches(Ids.PATTERN)) {
            throw Problem.notFound(what, text);
        }
        return text;
    }

    private static Integer notNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must not be negative.");
        }
        return value;
    }

    private static LegStatus status(String text) {
        return LegStatus.fromWire(text).orElseThrow(() -> Problem.badRequest("unknown-call-status",
                "Unknown call status '" + text.substring(0, Math.min(text.length(), 32)) + "'."));
    }

    private static Leg.Role role(String leg) {
        return switch (leg) {
            case "caller" -> Leg.Role.CALLER;
            case "callee" -> Leg.Role.CALLEE;
            default -> throw Problem.badRequest("unknown-leg", "'leg' must be caller or callee.");
        };
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(body);
    }
}
