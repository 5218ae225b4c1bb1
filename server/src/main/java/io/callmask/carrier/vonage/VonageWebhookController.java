package io.callmask.carrier.vonage;

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
import java.net.URI;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vonage's webhooks (signed JWTs checked by {@link VonageSignatureFilter}): the Application's
 * answer URL (GET by default, or a JSON POST) and event URL, our click-to-call's answer_url and
 * event_url, the connect action's eventUrl (the callee's leg, answering a failed dial with a new
 * NCCO), the input action's eventUrl, the endpoint's onAnswer whisper and the record action's
 * eventUrl. Each is read here, handed to the shared {@link VoiceFlow} and answered as an NCCO.
 */
@RestController
@VonageEnabled
@RequestMapping(path = VonageWebhooks.BASE)
class VonageWebhookController implements VoiceWebhookController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final VoiceFlow flow;
    private final VonageCarrier carrier;
    private final Ncco ncco;
    private final CallService calls;
    private final RecordingService recordings;

    VonageWebhookController(VoiceFlow flow, VonageCarrier carrier, Ncco ncco, CallService calls,
            RecordingService recordings) {
        this.flow = flow;
        this.carrier = carrier;
        this.ncco = ncco;
        this.calls = calls;
        this.recordings = recordings;
    }


    /** The Application's answer URL: a party dialled one of our Vonage numbers. */
    @AnswersCaller
    @GetMapping("/answer")
    ResponseEntity<String> answerGet(HttpServletRequest r) {
        return answer(VonageRequest.of(r));
    }

    @AnswersCaller
    @PostMapping(path = "/answer", consumes = JSON)
    ResponseEntity<String> answerPost(HttpServletRequest r) {
        return answer(VonageRequest.of(r));
    }

    private ResponseEntity<String> answer(VonageRequest v) {
        return ncco(flow.dialIn(carrier, v.sid("uuid"), v.number("from"), v.number("to")));
    }

    /** The first leg of a click-to-call answered: its answer_url, which we place with answer_method POST. */
    @AnswersCaller
    @PostMapping(path = "/connect", consumes = JSON)
    ResponseEntity<String> connect(HttpServletRequest r) {
        VonageRequest v = VonageRequest.of(r);
        return ncco(flow.connect(carrier, WebhookInput.id(v.ours("call", true), "call"), v.sid("uuid")));
    }

    /**
     * Call events. Without {@code call}: the Application's event URL, for a dial-in's caller leg (an
     * unknown leg is acknowledged and ignored). With it: our first leg ({@code leg=caller}) or the
     * connect's callee ({@code leg=callee}), whose end answers what the caller hears next.
     */
    @PostMapping(path = "/event", consumes = JSON)
    ResponseEntity<String> event(HttpServletRequest r) {
        VonageRequest v = VonageRequest.of(r);
        String call = v.ours("call", false);
        String leg = v.ours("leg", call != null);
        String uuid = v.sid("uuid");
        Integer duration = v.count("duration");
        Integer sequence = v.sequence();
        Optional<LegStatus> status = VonageRequest.legStatus(v.field("status", true), duration);
        if (call == null) {
            status.ifPresent(s -> flow.legEnded(uuid, s, duration));
            return ResponseEntity.noContent().build();
        }
        String callId = WebhookInput.id(call, "call");
        if (!leg.equals("caller") && !leg.equals("callee")) {
            throw Problem.badRequest("invalid-parameter", "'leg' must be caller or callee.");
        }
        if (status.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        if (leg.equals("callee") && status.get().terminal()) {
            VoiceReply next = flow.dialComplete(callId, status.get(), uuid, duration);
            // a finished bridge needs no new NCCO: the current one runs out and the call ends
            return next instanceof VoiceReply.HangUp ? ResponseEntity.noContent().build() : ncco(next);
        }
        flow.status(callId, leg.equals("caller") ? Leg.Role.CALLER : Leg.Role.CALLEE, uuid, status.get(), sequence,
                duration);
        return ResponseEntity.noContent().build();
    }

    /** The order-code menu's input action ({@code dtmf.timed_out} with no digits: silence). */
    @AnswersCaller
    @PostMapping(path = "/menu", consumes = JSON)
    ResponseEntity<String> menu(HttpServletRequest r) {
        VonageRequest v = VonageRequest.of(r);
        Integer attempt = WebhookInput.count("attempt", v.ours("attempt", true));
        return ncco(flow.menu(carrier, v.sid("uuid"), v.number("from"), v.number("to"), v.digits(), attempt));
    }

    /**
     * The callee's endpoint onAnswer: its NCCO plays to the callee alone, before the bridge. onAnswer
     * takes a URL and no method; Vonage fetches it like an answer URL's default, with GET.
     */
    @GetMapping("/whisper")
    ResponseEntity<String> whisper(HttpServletRequest r) {
        VonageRequest v = VonageRequest.of(r);
        return ncco(flow.whisper(WebhookInput.id(v.ours("session", true), "session"),
                !"false".equals(v.ours("order", false)), "true".equals(v.ours("consent", false))));
    }

    /**
     * The record action's eventUrl, once the file is ready. The recording belongs to the call's
     * caller leg; its id is the file's, the last segment of {@code recording_url}.
     */
    @PostMapping(path = "/recording", consumes = JSON)
    ResponseEntity<Void> recording(HttpServletRequest r) {
        VonageRequest v = VonageRequest.of(r);
        String callId = WebhookInput.id(v.ours("call", true), "call");
        String url = WebhookInput.mediaUrl("recording_url", v.field("recording_url", true));
        String path = URI.create(url).getPath();
        String fileId = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!VonageCarrier.FILE_ID.matcher(fileId).matches()) {
            throw Problem.badRequest("invalid-recording-url", "'recording_url' does not name a Vonage file.");
        }
        Integer seconds = v.seconds("start_time", "end_time");
        var leg = calls.get(callId).leg(Leg.Role.CALLER);
        if (leg.isEmpty()) {
            throw Problem.conflict("call-without-leg", "Call has no leg yet",
                    "The call '" + callId + "' has no caller leg to attach a recording to.");
        }
        recordings.report(new RecordingReport(carrier.name(), leg.get().carrierSid(), fileId,
                RecordingStatus.COMPLETED, url, seconds, 2));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> ncco(VoiceReply reply) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ncco.render(reply));
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return ncco(reply);
    }
}
