package io.callmask.carrier.twilio;

import io.callmask.carrier.voice.AnswersCaller;
import io.callmask.carrier.voice.VoiceWebhookController;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceFlow;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's voice webhooks. Each reads Twilio's parameters, calls the shared {@link VoiceFlow} and
 * renders its reply as TwiML; routing is decided in the domain, never here. Requests reach this
 * controller only with a valid signature ({@link TwilioSignatureFilter}).
 */
@RestController
@TwilioEnabled
// Twilio posts forms; anything else (JSON, XML) is refused with 415 before a parameter is read.
@RequestMapping(path = TwilioWebhooks.BASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController implements VoiceWebhookController {

    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final VoiceFlow flow;
    private final TwilioCarrier carrier;
    private final Twiml twiml;

    TwilioWebhookController(VoiceFlow flow, TwilioCarrier carrier, Twiml twiml) {
        this.flow = flow;
        this.carrier = carrier;
        this.twiml = twiml;
    }


    /** A party dialled one of our numbers. */
    @AnswersCaller
    @PostMapping("/voice")
    ResponseEntity<String> voice(@RequestParam("CallSid") String callSid, @RequestParam("From") String from,
            @RequestParam("To") String to) {
        return xml(flow.dialIn(carrier, sid(callSid), from, to));
    }

    /** A hub party answered the order-code menu (no {@code Digits}: it said nothing). */
    @AnswersCaller
    @PostMapping("/menu")
    ResponseEntity<String> menu(@RequestParam("attempt") int attempt, @RequestParam("CallSid") String callSid,
            @RequestParam("From") String from, @RequestParam("To") String to,
            @RequestParam(name = "Digits", required = false) String digits) {
        return xml(flow.menu(carrier, sid(callSid), from, to, digits, attempt));
    }

    /** Played to the callee before a call to it is bridged: the order, then the recording notice. */
    @AnswersCaller
    @PostMapping("/whisper")
    ResponseEntity<String> whisper(@RequestParam("session") String sessionId,
            @RequestParam(name = "order", defaultValue = "true") boolean order,
            @RequestParam(name = "consent", defaultValue = "false") boolean consent) {
        return xml(flow.whisper(WebhookInput.id(sessionId, "session"), order, consent));
    }

    /** The caller of a click-to-call answered; Twilio asks what to do next. */
    @AnswersCaller
    @PostMapping("/connect")
    ResponseEntity<String> connect(@RequestParam("call") String callId, @RequestParam("CallSid") String callSid) {
        return xml(flow.connect(carrier, WebhookInput.id(callId, "call"), sid(callSid)));
    }

    /**
     * Progress of a leg: {@code leg=caller} for the first leg, {@code leg=callee} for the dialled one. Without
     * {@code call} and {@code leg} it is the pool number's own status callback ("Call status changes" in Twilio's
     * console), the only report of a dial-in's caller leg: applied to the call that has the leg, if any.
     */
    @PostMapping("/status")
    ResponseEntity<Void> status(@RequestParam(name = "call", required = false) String callId,
            @RequestParam(name = "leg", required = false) String leg,
            @RequestParam("CallSid") String callSid, @RequestParam("CallStatus") String callStatus,
            @RequestParam(name = "SequenceNumber", required = false) Integer sequence,
            @RequestParam(name = "CallDuration", required = false) Integer duration) {
        if (callId == null && leg == null) {
            flow.legEnded(sid(callSid), WebhookInput.wireStatus(callStatus),
                    WebhookInput.notNegative("CallDuration", duration));
            return ResponseEntity.noContent().build();
        }
        if (callId == null || leg == null) {
            throw Problem.badRequest("missing-parameter", "'call' and 'leg' come together, or neither.");
        }
        flow.status(WebhookInput.id(callId, "call"), WebhookInput.role(leg), sid(callSid), WebhookInput.wireStatus(callStatus),
                WebhookInput.notNegative("SequenceNumber", sequence), WebhookInput.notNegative("CallDuration", duration));
        return ResponseEntity.noContent().build();
    }

    /** The {@code <Dial>} ended; record the callee's outcome and finish the caller's call. */
    @AnswersCaller
    @PostMapping("/dial-complete")
    ResponseEntity<String> dialComplete(@RequestParam("call") String callId,
            @RequestParam("DialCallStatus") String dialStatus,
            @RequestParam(name = "DialCallSid", required = false) String dialSid,
            @RequestParam(name = "DialCallDuration", required = false) Integer duration) {
        LegStatus status = WebhookInput.wireStatus(dialStatus);
        String leg = dialSid == null || dialSid.isBlank() ? null : sid(dialSid);
        return xml(flow.dialComplete(WebhookInput.id(callId, "call"), status, leg,
                WebhookInput.notNegative("DialCallDuration", duration)));
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

    private ResponseEntity<String> xml(VoiceReply reply) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(twiml.render(reply));
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return xml(reply);
    }
}
