package io.callmask.carrier.telnyx;

import io.callmask.carrier.voice.AnswersCaller;
import io.callmask.carrier.voice.VoiceWebhookController;
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
 * Telnyx's TeXML webhooks: form posts with TwiML's parameter names ({@code CallSid}, {@code From},
 * {@code To}, {@code CallStatus}, {@code SequenceNumber}, …). Each is read here, handed to the shared
 * {@link VoiceFlow} and its reply rendered as TeXML. Requests arrive only with a valid Ed25519
 * signature ({@link TelnyxSignatureFilter}).
 */
@RestController
@TelnyxEnabled
@RequestMapping(path = TelnyxWebhooks.BASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TelnyxWebhookController implements VoiceWebhookController {

    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final VoiceFlow flow;
    private final TelnyxCarrier carrier;
    private final Texml texml;
    private final RecordingService recordings;

    TelnyxWebhookController(VoiceFlow flow, TelnyxCarrier carrier, Texml texml, RecordingService recordings) {
        this.flow = flow;
        this.carrier = carrier;
        this.texml = texml;
        this.recordings = recordings;
    }


    /** The TeXML Application's voice URL: a party dialled one of our Telnyx numbers. */
    @AnswersCaller
    @PostMapping("/voice")
    ResponseEntity<String> voice(HttpServletRequest r) {
        return xml(flow.dialIn(carrier, sid(r, "CallSid"), WebhookInput.single(r, "From", true),
                WebhookInput.single(r, "To", true)));
    }

    /** The order-code menu's {@code Gather} action (no {@code Digits}: silence, via the redirect). */
    @AnswersCaller
    @PostMapping("/menu")
    ResponseEntity<String> menu(HttpServletRequest r) {
        Integer attempt = WebhookInput.count("attempt", WebhookInput.single(r, "attempt", true));
        return xml(flow.menu(carrier, sid(r, "CallSid"), WebhookInput.single(r, "From", true),
                WebhookInput.single(r, "To", true), WebhookInput.single(r, "Digits", false), attempt));
    }

    /** The callee's whisper ({@code Number url}): the order, then the recording notice. */
    @AnswersCaller
    @PostMapping("/whisper")
    ResponseEntity<String> whisper(HttpServletRequest r) {
        return xml(flow.whisper(WebhookInput.id(WebhookInput.single(r, "session", true), "session"),
                !"false".equals(r.getParameter("order")), "true".equals(r.getParameter("consent"))));
    }

    /** The first leg of a click-to-call answered; Telnyx fetches its TeXML here. */
    @AnswersCaller
    @PostMapping("/connect")
    ResponseEntity<String> connect(HttpServletRequest r) {
        return xml(flow.connect(carrier, callId(r), sid(r, "CallSid")));
    }

    /** A leg's progress ({@code leg=caller|callee}); TeXML's CallStatus words are callmask's. */
    @PostMapping("/status")
    ResponseEntity<Void> status(HttpServletRequest r) {
        flow.status(callId(r), WebhookInput.role(WebhookInput.single(r, "leg", true)), sid(r, "CallSid"),
                WebhookInput.wireStatus(WebhookInput.single(r, "CallStatus", true)),
                WebhookInput.notNegative("SequenceNumber", WebhookInput.count("SequenceNumber",
                        WebhookInput.single(r, "SequenceNumber", false))),
                WebhookInput.notNegative("CallDuration", WebhookInput.count("CallDuration",
                        WebhookInput.single(r, "CallDuration", false))));
        return ResponseEntity.noContent().build();
    }

    /**
     * The {@code Dial} ended. Telnyx does not document this action's parameters; TwiML's
     * {@code DialCallStatus} is read when present, else the callee's own status callbacks tell.
     */
    @AnswersCaller
    @PostMapping("/dial-complete")
    ResponseEntity<String> dialComplete(HttpServletRequest r) {
        String callId = callId(r);
        String dialStatus = WebhookInput.single(r, "DialCallStatus", false);
        if (dialStatus == null) {
            return xml(new VoiceReply.HangUp());
        }
        String dialSid = WebhookInput.single(r, "DialCallSid", false);
        return xml(flow.dialComplete(callId, WebhookInput.wireStatus(dialStatus), dialSid == null ? null : WebhookInput.sid(dialSid),
                WebhookInput.notNegative("DialCallDuration", WebhookInput.count("DialCallDuration",
                        WebhookInput.single(r, "DialCallDuration", false)))));
    }

    /** The recording status callback of a recorded {@code Dial}. */
    @PostMapping("/recording")
    ResponseEntity<Void> recording(HttpServletRequest r) {
        String callSid = sid(r, "CallSid");
        String recordingSid = WebhookInput.single(r, "RecordingSid", true);
        if (!TelnyxCarrier.RECORDING_SID.matcher(recordingSid).matches()) {
            throw Problem.badRequest("invalid-recording-sid", "'RecordingSid' is not a Telnyx recording id.");
        }
        RecordingStatus status = RecordingStatus.fromWire(WebhookInput.single(r, "RecordingStatus", true))
                .orElseThrow(() -> Problem.badRequest("invalid-recording-status",
                        "'RecordingStatus' must be in-progress, completed, absent or failed."));
        Integer channels = WebhookInput.count("RecordingChannels", WebhookInput.single(r, "RecordingChannels", false));
        if (channels != null && channels != 1 && channels != 2) {
            throw Problem.badRequest("invalid-recording-channels", "'RecordingChannels' must be 1 or 2.");
        }
        Integer duration = WebhookInput.count("RecordingDuration", WebhookInput.single(r, "RecordingDuration", false));
        if (duration != null && duration < 0 && status != RecordingStatus.IN_PROGRESS) {
            throw Problem.badRequest("invalid-recordingduration", "'RecordingDuration' must not be negative.");
        }
        recordings.report(new RecordingReport(carrier.name(), callSid, recordingSid, status,
                WebhookInput.mediaUrl("RecordingUrl", WebhookInput.single(r, "RecordingUrl", false)),
                duration == null || duration < 0 ? null : duration, channels));
        return ResponseEntity.ok().build();
    }

    private static String sid(HttpServletRequest r, String name) {
        return WebhookInput.sid(WebhookInput.single(r, name, true));
    }

    private static String callId(HttpServletRequest r) {
        return WebhookInput.id(WebhookInput.single(r, "call", true), "call");
    }

    private ResponseEntity<String> xml(VoiceReply reply) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(texml.render(reply));
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return xml(reply);
    }
}
