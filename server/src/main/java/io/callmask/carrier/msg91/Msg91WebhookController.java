package io.callmask.carrier.msg91;

import io.callmask.core.call.Call;
import io.callmask.core.calling.CallService;
import io.callmask.core.call.Leg;
import io.callmask.carrier.voice.VoiceFlow;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * MSG91's "Report Received" voice webhook: {@code POST /webhooks/msg91/<webhook-secret>/report}, the
 * JSON body the operator defined in MSG91's dashboard. MSG91 signs nothing, so the secret path segment
 * (compared in constant time; a wrong one is an ordinary 404) and the optional source allow-list are
 * the only protection. Reports repeat and arrive in any order: legs only move up their rank.
 */
@RestController
@Msg91Enabled
class Msg91WebhookController {

    static final String BASE = "/webhooks/msg91";
    private static final Logger log = LoggerFactory.getLogger(Msg91WebhookController.class);

    private final Msg91Properties properties;
    private final VoiceFlow flow;
    private final CallService calls;
    private final JsonMapper json;

    Msg91WebhookController(Msg91Properties properties, VoiceFlow flow, CallService calls, JsonMapper json) {
        this.properties = properties;
        this.flow = flow;
        this.calls = calls;
        this.json = json;
    }

    @PostMapping(path = BASE + "/{secret}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> report(@PathVariable String secret, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                properties.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(404, "not-found", "Not found", "No such resource.");
        }
        if (!properties.allowedSources().isEmpty() && !properties.allowedSources().contains(request.getRemoteAddr())) {
            log.warn("MSG91 report refused: its source is not in callmask.carriers.msg91.allowed-sources");
            throw new Problem(403, "source-not-allowed", "Source not allowed",
                    "This webhook accepts reports only from the configured MSG91 addresses.");
        }
        Msg91Report report;
        try {
            report = Msg91Report.of(body == null ? null : json.readTree(body));
        } catch (JacksonException e) {
            throw Problem.badRequest("invalid-json", "The report is not valid JSON.");
        }
        Call call = calls.get(report.callId());
        if (!Msg91Carrier.NAME.equals(call.carrier())) {
            throw Problem.notFound("call", report.callId()); // another carrier's call is not MSG91's to report
        }
        flow.status(call.id(), Leg.Role.CALLER, report.uuid(), report.status(), null, report.duration());
        if (report.bridged()) {
            flow.status(call.id(), Leg.Role.CALLEE, report.calleeLeg(), report.status(), null, report.duration());
        }
        log.info("MSG91 report for call {}: {}", call.id(), report.status().wire());
        return ResponseEntity.noContent().build();
    }
}
