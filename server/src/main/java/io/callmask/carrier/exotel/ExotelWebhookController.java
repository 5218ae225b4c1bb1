package io.callmask.carrier.exotel;

import io.callmask.carrier.voice.AnswersCaller;
import io.callmask.carrier.voice.VoiceWebhookController;
import io.callmask.core.call.Call;
import io.callmask.core.calling.CallService;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceFlow;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exotel's requests, all under {@code /webhooks/exotel/<webhook-secret>/}: the ExoPhone flow's
 * Connect applet ({@code connect}, GET), its Passthru after the Connect ({@code dial-ended}, GET,
 * 200 = hang up, 302 = go to the Greeting), the Greeting's text URL ({@code greeting}, GET/HEAD,
 * text/plain), and the click-to-call StatusCallback ({@code status}, POST JSON). Exotel signs none of
 * them: the secret path segment (constant-time; a wrong one is an ordinary 404) and the optional
 * source allow-list are the protection. Callbacks repeat and arrive in any order: legs only move up.
 */
@RestController
@ExotelEnabled
class ExotelWebhookController implements VoiceWebhookController {

    static final String BASE = "/webhooks/exotel";
    private static final Logger log = LoggerFactory.getLogger(ExotelWebhookController.class);

    private final ExotelProperties properties;
    private final ExotelCarrier carrier;
    private final ExotelGreetings greetings;
    private final VoiceFlow flow;
    private final CallService calls;
    private final JsonMapper json;

    ExotelWebhookController(ExotelProperties properties, ExotelCarrier carrier, ExotelGreetings greetings,
            VoiceFlow flow, CallService calls, JsonMapper json) {
        this.properties = properties;
        this.carrier = carrier;
        this.greetings = greetings;
        this.flow = flow;
        this.calls = calls;
        this.json = json;
    }


    /** The Connect applet's dynamic URL: whom to dial, showing which ExoPhone, or nobody. */
    @AnswersCaller
    @GetMapping(path = BASE + "/{secret}/connect", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> connect(@PathVariable String secret, HttpServletRequest request) {
        guard(secret, request);
        String sid = WebhookInput.sid(WebhookInput.single(request, "CallSid", true));
        String from = ExotelApplets.e164(WebhookInput.single(request, "CallFrom", true));
        String to = ExotelApplets.e164(WebhookInput.single(request, "CallTo", true));
        VoiceReply reply = flow.dialIn(carrier, sid, from, to);
        ExotelApplets.spoken(reply).ifPresent(message -> greetings.put(sid, message));
        return ExotelApplets.connect(reply);
    }

    /**
     * The sync Passthru after the Connect applet: {@code CallType} {@code completed} (they talked),
     * {@code incomplete} (nobody answered), {@code client-hangup} (the caller hung up first), with
     * {@code DialCallDuration}. 200 ends the flow; 302 sends it to the Greeting, which says why.
     */
    @GetMapping(path = BASE + "/{secret}/dial-ended")
    ResponseEntity<Void> dialEnded(@PathVariable String secret, HttpServletRequest request) {
        guard(secret, request);
        String sid = WebhookInput.sid(WebhookInput.single(request, "CallSid", true));
        String callType = WebhookInput.single(request, "CallType", false);
        Integer duration = WebhookInput.notNegative("DialCallDuration",
                WebhookInput.count("DialCallDuration", WebhookInput.single(request, "DialCallDuration", false)));
        LegStatus dial = dialOutcome(callType);
        Optional<String> callId = calls.callOfLeg(sid);
        if (callId.isEmpty() || greetings.get(sid).isPresent()) {
            // turned away or refused at the Connect applet: nobody was dialled; the Greeting says the kept message
            callId.ifPresent(id -> flow.status(id, Leg.Role.CALLER, sid, LegStatus.COMPLETED, null, null));
            return ResponseEntity.status(HttpStatus.FOUND).build();
        }
        VoiceReply reply = flow.dialComplete(callId.get(), dial, sid + ":b", duration);
        flow.status(callId.get(), Leg.Role.CALLER, sid, LegStatus.COMPLETED, null, null);
        Optional<String> said = ExotelApplets.spoken(reply);
        said.ifPresent(message -> greetings.put(sid, message));
        return ResponseEntity.status(said.isPresent() ? HttpStatus.FOUND : HttpStatus.OK).build();
    }

    /** The Greeting applet's text URL: the words to speak, as text/plain (Exotel also sends HEAD first). */
    @GetMapping(path = BASE + "/{secret}/greeting", produces = "text/plain;charset=UTF-8")
    String greeting(@PathVariable String secret, HttpServletRequest request) {
        guard(secret, request);
        String sid = WebhookInput.sid(WebhookInput.single(request, "CallSid", true));
        return greetings.get(sid).orElseGet(() -> ((VoiceReply.SayAndHangUp) flow.unavailable()).message());
    }

    /** The click-to-call's StatusCallback: the caller's leg is the call, the callee's is derived from it. */
    @PostMapping(path = BASE + "/{secret}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> status(@PathVariable String secret, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        guard(secret, request);
        ExotelStatus report;
        try {
            report = ExotelStatus.of(body == null ? null : json.readTree(body));
        } catch (JacksonException e) {
            throw Problem.badRequest("invalid-json", "The status callback is not valid JSON.");
        }
        Call call = calls.get(report.callId());
        if (!ExotelCarrier.NAME.equals(call.carrier())) {
            throw Problem.notFound("call", report.callId()); // another carrier's call is not Exotel's to report
        }
        if (!report.legs().isEmpty()) {
            var caller = report.legs().get(0);
            flow.status(call.id(), Leg.Role.CALLER, report.callSid(), caller.status(), null, caller.duration());
            if (report.legs().size() > 1) {
                var callee = report.legs().get(1);
                flow.status(call.id(), Leg.Role.CALLEE, report.calleeLeg(), callee.status(), null, callee.duration());
            }
        } else if (report.answeredEvent()) {
            flow.status(call.id(), Leg.Role.CALLER, report.callSid(), LegStatus.IN_PROGRESS, null, null);
        } else {
            flow.status(call.id(), Leg.Role.CALLER, report.callSid(), report.status(), null, null);
            Integer talked = report.conversationDuration();
            if (report.status() == LegStatus.COMPLETED && talked != null && talked > 0) {
                flow.status(call.id(), Leg.Role.CALLEE, report.calleeLeg(), LegStatus.COMPLETED, null, talked);
            }
        }
        log.info("Exotel {} callback for call {}: {}", report.eventType() == null ? "status" : report.eventType(),
                call.id(), report.status().wire());
        return ResponseEntity.noContent().build();
    }

    static LegStatus dialOutcome(String callType) {
        if (callType == null) {
            return LegStatus.FAILED;
        }
        switch (callType) {
            case "completed":
                return LegStatus.COMPLETED;
            case "incomplete":
                return LegStatus.NO_ANSWER;
            case "client-hangup":
                return LegStatus.CANCELED;
            case "call-attempt":
            case "voicemail":
                return LegStatus.FAILED;
            default:
                throw Problem.badRequest("invalid-parameter",
                        "'CallType' must be completed, incomplete, client-hangup, call-attempt or voicemail.");
        }
    }

    private void guard(String secret, HttpServletRequest request) {
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                properties.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(404, "not-found", "Not found", "No such resource.");
        }
        if (!properties.allowedSources().isEmpty() && !properties.allowedSources().contains(request.getRemoteAddr())) {
            log.warn("Exotel webhook refused: its source is not in callmask.carriers.exotel.allowed-sources");
            throw new Problem(403, "source-not-allowed", "Source not allowed",
                    "This webhook accepts requests only from the configured Exotel addresses.");
        }
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return ResponseEntity.ok(ExotelApplets.connect(reply)); // a spoken reply: the Greeting says it
    }
}
