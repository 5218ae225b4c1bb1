package io.callmask.carrier.plivo;

import io.callmask.carrier.voice.AnswersCaller;
import io.callmask.carrier.voice.VoiceWebhookController;
import io.callmask.core.calling.CallService;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceFlow;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.core.recording.RecordingReport;
import io.callmask.core.recording.RecordingService;
import io.callmask.core.recording.RecordingStatus;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plivo's webhooks (form posts, signature V3 checked by {@link PlivoSignatureFilter}): the
 * Application's answer and hangup URLs, our call's answer, ring and hangup URLs, the Dial's action
 * and callbackUrl, GetDigits' action, the whisper ({@code confirmSound}) and the Record callback. Each
 * is read here, handed to the shared {@link VoiceFlow} and answered in Plivo XML.
 */
@RestController
@PlivoEnabled
@RequestMapping(path = PlivoWebhooks.BASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class PlivoWebhookController implements VoiceWebhookController {

    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final VoiceFlow flow;
    private final PlivoCarrier carrier;
    private final PlivoXml xml;
    private final CallService calls;
    private final RecordingService recordings;

    PlivoWebhookController(VoiceFlow flow, PlivoCarrier carrier, PlivoXml xml, CallService calls,
            RecordingService recordings) {
        this.flow = flow;
        this.carrier = carrier;
        this.xml = xml;
        this.calls = calls;
        this.recordings = recordings;
    }


    /** The Application's Answer URL: a party dialled one of our Plivo numbers. */
    @AnswersCaller
    @PostMapping("/voice")
    ResponseEntity<String> voice(HttpServletRequest r) {
        return xml(flow.dialIn(carrier, sid(r, "CallUUID"), number(r, "From"), number(r, "To")));
    }

    /** The Application's Hangup URL: a dial-in's caller leg ended. */
    @PostMapping("/hangup")
    ResponseEntity<Void> hangup(HttpServletRequest r) {
        flow.legEnded(sid(r, "CallUUID"), callStatus(WebhookInput.single(r, "CallStatus", true)), duration(r, "Duration"));
        return ResponseEntity.ok().build();
    }

    /** The first leg of a click-to-call answered: Plivo fetches its answer_url. */
    @AnswersCaller
    @PostMapping("/connect")
    ResponseEntity<String> connect(HttpServletRequest r) {
        return xml(flow.connect(carrier, callId(r), sid(r, "CallUUID")));
    }

    /** ring_url and hangup_url of the first leg. */
    @PostMapping("/status")
    ResponseEntity<Void> status(HttpServletRequest r) {
        flow.status(callId(r), Leg.Role.CALLER, sid(r, "CallUUID"),
                callStatus(WebhookInput.single(r, "CallStatus", true)), null, duration(r, "Duration"));
        return ResponseEntity.ok().build();
    }

    /**
     * The Dial's callbackUrl: {@code DialAction} {@code answer}/{@code connected} moves the callee's leg to
     * in-progress, {@code hangup} after talk completes it. An unanswered leg is left to the action's
     * {@code DialStatus}, which says why (busy, no-answer), so a bare hangup must not win first.
     */
    @PostMapping("/dial-events")
    ResponseEntity<Void> dialEvents(HttpServletRequest r) {
        String callId = callId(r);
        String action = WebhookInput.single(r, "DialAction", true);
        String leg = WebhookInput.single(r, "DialBLegUUID", false);
        Integer duration = duration(r, "DialBLegDuration");
        if (leg != null && (action.equals("answer") || action.equals("connected"))) {
            flow.status(callId, Leg.Role.CALLEE, WebhookInput.sid(leg), LegStatus.IN_PROGRESS, null, null);
        } else if (leg != null && action.equals("hangup") && duration != null && duration > 0) {
            flow.status(callId, Leg.Role.CALLEE, WebhookInput.sid(leg), LegStatus.COMPLETED, null, duration);
        } else if (!action.matches("answer|connected|hangup|digits")) {
            throw Problem.badRequest("unknown-dial-action", "'DialAction' must be answer, connected, hangup or digits.");
        }
        return ResponseEntity.ok().build();
    }

    /**
     * The Dial's action: its outcome. Plivo leaves {@code DialBLegUUID} empty when nobody answered;
     * that leg is then kept under {@code b-<DialALegUUID>} so the call still says busy or no-answer.
     */
    @PostMapping("/dial-complete")
    ResponseEntity<String> dialComplete(HttpServletRequest r) {
        String callId = callId(r);
        LegStatus status = dialStatus(WebhookInput.single(r, "DialStatus", true));
        String bLeg = r.getParameter("DialBLegUUID");
        String aLeg = WebhookInput.single(r, "DialALegUUID", false);
        String leg = bLeg != null && !bLeg.isBlank() ? WebhookInput.sid(bLeg)
                : aLeg != null ? WebhookInput.sid("b-" + aLeg) : null;
        return xml(flow.dialComplete(callId, status, leg, null));
    }

    /** GetDigits' action (no {@code Digits}: silence, via the redirect). */
    @AnswersCaller
    @PostMapping("/menu")
    ResponseEntity<String> menu(HttpServletRequest r) {
        Integer attempt = WebhookInput.count("attempt", WebhookInput.single(r, "attempt", true));
        return xml(flow.menu(carrier, sid(r, "CallUUID"), number(r, "From"), number(r, "To"),
                WebhookInput.single(r, "Digits", false), attempt));
    }

    /** The Dial's confirmSound: Plivo plays only Speak, Play and Wait from it to the callee. */
    @PostMapping("/whisper")
    ResponseEntity<String> whisper(HttpServletRequest r) {
        return xml(flow.whisper(WebhookInput.id(WebhookInput.single(r, "session", true), "session"),
                !"false".equals(r.getParameter("order")), "true".equals(r.getParameter("consent"))));
    }

    /**
     * The Record element's callbackUrl, once the file is ready. Our call id is in the URL; the
     * recording belongs to that call's caller leg. {@code RecordingDurationMs} wins when sent.
     */
    @PostMapping("/recording")
    ResponseEntity<Void> recording(HttpServletRequest r) {
        String callId = callId(r);
        String recordingId = WebhookInput.single(r, "RecordingID", true);
        if (!PlivoCarrier.RECORDING_ID.matcher(recordingId).matches()) {
            throw Problem.badRequest("invalid-recording-sid", "'RecordingID' is not a Plivo recording id.");
        }
        String url = WebhookInput.mediaUrl("RecordUrl", WebhookInput.single(r, "RecordUrl", false));
        Integer ms = duration(r, "RecordingDurationMs");
        Integer seconds = ms != null ? (ms + 999) / 1000 : duration(r, "RecordingDuration");
        var leg = calls.get(callId).leg(Leg.Role.CALLER);
        if (leg.isEmpty()) {
            throw Problem.conflict("call-without-leg", "Call has no leg yet",
                    "The call '" + callId + "' has no caller leg to attach a recording to.");
        }
        recordings.report(new RecordingReport(carrier.name(), leg.get().carrierSid(), recordingId,
                RecordingStatus.COMPLETED, url, seconds, null));
        return ResponseEntity.ok().build();
    }

    /** Plivo writes numbers with the country code and usually without {@code +}. */
    private static String number(HttpServletRequest r, String name) {
        String value = WebhookInput.single(r, name, true).strip();
        return value.matches("[1-9][0-9]{6,14}") ? "+" + value : value;
    }

    private static String sid(HttpServletRequest r, String name) {
        return WebhookInput.sid(WebhookInput.single(r, name, true));
    }

    private static String callId(HttpServletRequest r) {
        return WebhookInput.id(WebhookInput.single(r, "call", true), "call");
    }

    private static Integer duration(HttpServletRequest r, String name) {
        return WebhookInput.notNegative(name, WebhookInput.count(name, WebhookInput.single(r, name, false)));
    }

    /** CallStatus: Plivo's {@code cancel} is a canceled leg, {@code timeout} a network failure. */
    static LegStatus callStatus(String text) {
        return switch (text) {
            case "cancel" -> LegStatus.CANCELED;
            case "timeout" -> LegStatus.FAILED;
            default -> LegStatus.fromWire(text).orElseThrow(() -> WebhookInput.unknownStatus(text));
        };
    }

    /** DialStatus: {@code timeout} is the Dial's ring timeout passing, so no answer. */
    static LegStatus dialStatus(String text) {
        return switch (text) {
            case "timeout" -> LegStatus.NO_ANSWER;
            case "cancel" -> LegStatus.CANCELED;
            case "completed", "busy", "failed", "no-answer" -> LegStatus.fromWire(text).orElseThrow();
            default -> throw WebhookInput.unknownStatus(text);
        };
    }

    private ResponseEntity<String> xml(VoiceReply reply) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(xml.render(reply));
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return xml(reply);
    }
}
