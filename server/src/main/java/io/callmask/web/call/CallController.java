package io.callmask.web.call;

import io.callmask.core.call.Call;
import io.callmask.core.call.CallView;
import io.callmask.core.calling.CallService;
import io.callmask.core.cost.Pricing;
import io.callmask.core.session.SessionAccess;
import io.callmask.core.session.SessionService;
import io.callmask.core.Caller;
import io.callmask.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Click-to-call and call records: {@code /v1/sessions/{id}/calls}, {@code /v1/calls/{id}}. */
@RestController
@Validated
class CallController {

    private final CallService calls;
    private final SessionService sessions;
    private final Pricing pricing;

    CallController(CallService calls, SessionService sessions, Pricing pricing) {
        this.calls = calls;
        this.sessions = sessions;
        this.pricing = pricing;
    }

    record StartBody(@NotBlank String from) {}

    @PostMapping("/v1/sessions/{sessionId}/calls")
    ResponseEntity<CallView> start(@PathVariable String sessionId, @Valid @RequestBody StartBody body) {
        return ResponseEntity.status(201).body(CallView.of(calls.startClickToCall(sessionId, body.from()), pricing));
    }

    @GetMapping("/v1/sessions/{sessionId}/calls")
    List<CallView> list(@PathVariable String sessionId, Caller caller) {
        if (!SessionAccess.visible(sessions.get(sessionId), caller)) {
            throw Problem.notFound("session", sessionId);
        }
        return calls.forSession(sessionId).stream().map(c -> CallView.of(c, pricing)).toList();
    }

    /** A retailer sees only calls of its own sessions; others' are "not found", exactly as unknown ones. */
    @GetMapping("/v1/calls/{id}")
    CallView get(@PathVariable String id, Caller caller) {
        Call call = calls.get(id);
        if (!SessionAccess.visible(sessions.get(call.sessionId()), caller)) {
            throw Problem.notFound("call", id);
        }
        return CallView.of(call, pricing);
    }
}
