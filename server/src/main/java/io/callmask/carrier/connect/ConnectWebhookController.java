package io.callmask.carrier.connect;

import io.callmask.carrier.voice.AnswersCaller;
import io.callmask.carrier.voice.VoiceWebhookController;
import io.callmask.core.calling.CallService;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceFlow;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the forwarding Lambda posts (JSON, signed with our HMAC, checked by {@link ConnectSignatureFilter}):
 * a flow's Lambda event for a dial-in ({@code /inbound}), a click-to-call's first party answering
 * ({@code /connect}), hub-menu digits ({@code /menu}) and a transfer's outcome ({@code /transfer-ended});
 * and EventBridge contact events ({@code /events}). Flow steps are answered with the flat attribute map
 * of {@link ConnectAttributes}, which the Lambda returns to Connect unchanged.
 */
@RestController
@ConnectEnabled
@RequestMapping(path = ConnectWebhookController.BASE, consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectWebhookController implements VoiceWebhookController {

    static final String BASE = "/webhooks/connect";
    private final VoiceFlow flow;
    private final ConnectCarrier carrier;
    private final CallService calls;
    private final ConnectProperties properties;
    private final JsonMapper json;

    ConnectWebhookController(VoiceFlow flow, ConnectCarrier carrier, CallService calls, ConnectProperties properties,
            JsonMapper json) {
        this.flow = flow;
        this.carrier = carrier;
        this.calls = calls;
        this.properties = properties;
        this.json = json;
    }


    /** The inbound flow: a party dialled one of our claimed numbers. */
    @AnswersCaller
    @PostMapping("/inbound")
    Map<String, String> inbound(@RequestBody String body) {
        LambdaEvent e = LambdaEvent.read(parse(body));
        return ConnectAttributes.render(flow.dialIn(carrier, e.contactId(), e.customerOrEmpty(), e.systemOrEmpty()));
    }

    /** The outbound flow of a click-to-call: the first party answered; the contact carries our call id. */
    @AnswersCaller
    @PostMapping("/connect")
    Map<String, String> connect(@RequestBody String body) {
        LambdaEvent e = LambdaEvent.read(parse(body));
        String callId = e.attribute(ConnectCarrier.CALL_ID_ATTRIBUTE);
        if (callId == null) {
            throw Problem.badRequest("missing-parameter", "The contact has no 'callmaskCallId' attribute.");
        }
        return ConnectAttributes.render(flow.connect(carrier, WebhookInput.id(callId, "call"), e.contactId()));
    }

    /** Store customer input's digits ({@code $.StoredCustomerInput}) with the menu's attempt. */
    @AnswersCaller
    @PostMapping("/menu")
    Map<String, String> menu(@RequestBody String body) {
        LambdaEvent e = LambdaEvent.read(parse(body));
        Integer attempt = WebhookInput.count("attempt", e.parameter("attempt", true));
        return ConnectAttributes.render(flow.menu(carrier, e.contactId(), e.customerOrEmpty(), e.systemOrEmpty(),
                e.parameter("digits", false), attempt == null ? 0 : attempt));
    }

    /**
     * A Transfer to phone number block's branch, named by the flow in {@code Parameters.outcome}:
     * {@code success} (the transferred party hung up), {@code call-failed}, {@code timeout} (nobody
     * answered) or {@code error}. Connect's block has no busy branch: a busy line is a failed call.
     * The callee's leg is {@code b-<contact id>}, the same leg its contact events report.
     */
    @AnswersCaller
    @PostMapping("/transfer-ended")
    Map<String, String> transferEnded(@RequestBody String body) {
        LambdaEvent e = LambdaEvent.read(parse(body));
        LegStatus status = outcome(e.parameter("outcome", true));
        String callId = calls.callOfLeg(e.contactId()).orElseThrow(() -> Problem.notFound("call", e.contactId()));
        VoiceReply reply = flow.dialComplete(callId, status, calleeLeg(e.contactId()), null);
        return ConnectAttributes.render(reply);
    }

    /**
     * EventBridge contact events. The caller's leg is the contact itself; a contact Connect started by
     * transferring one of ours is that call's callee. Events of other contacts are acknowledged and
     * ignored: the instance may carry calls that are none of callmask's.
     */
    @PostMapping("/events")
    ResponseEntity<Void> events(@RequestBody String body) {
        var report = ContactEvents.read(parse(body), properties.instanceId());
        if (report.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        var r = report.get();
        if (r.transferLeg()) {
            calls.callOfLeg(r.previousContactId()).ifPresent(callId -> flow.status(callId, Leg.Role.CALLEE,
                    calleeLeg(r.previousContactId()), r.status(), null, r.durationSeconds()));
        } else {
            flow.legEnded(r.contactId(), r.status(), r.durationSeconds());
        }
        return ResponseEntity.noContent().build();
    }

    static String calleeLeg(String callerContactId) {
        return WebhookInput.sid("b-" + callerContactId);
    }

    static LegStatus outcome(String text) {
        switch (text) {
            case "success":
                return LegStatus.COMPLETED;
            case "timeout":
                return LegStatus.NO_ANSWER;
            case "call-failed":
            case "error":
                return LegStatus.FAILED;
            default:
                throw Problem.badRequest("unknown-transfer-outcome",
                        "'outcome' must be success, call-failed, timeout or error.");
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("malformed-json", "The body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw Problem.badRequest("malformed-json", "The body is not valid JSON.");
        }
    }

    /** Also the answer while the database is away ({@code DatabaseAway}). */
    @Override
    public ResponseEntity<?> answer(VoiceReply reply) {
        return ResponseEntity.ok(ConnectAttributes.render(reply));
    }
}
