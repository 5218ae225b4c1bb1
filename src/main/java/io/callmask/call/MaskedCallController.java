package io.callmask.call;

import io.callmask.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/masked-calls}: the one-shot click-to-call for an order. */
@RestController
class MaskedCallController {

    private static final String ID = Ids.PATTERN;

    private final MaskedCallService maskedCalls;

    MaskedCallController(MaskedCallService maskedCalls) {
        this.maskedCalls = maskedCalls;
    }

    record Body(@NotBlank @Pattern(regexp = ID) String orderId, @NotBlank @Pattern(regexp = ID) String retailerId,
            String customerPhone, Boolean record) {}

    record Result(boolean success, String sessionId, String callId, String callSid, String message) {}

    @PostMapping("/v1/masked-calls")
    ResponseEntity<Result> create(@Valid @RequestBody Body body) {
        var placed = maskedCalls.place(body.orderId(), body.retailerId(), body.customerPhone(), body.record());
        String sid = placed.call().leg(Leg.Role.CALLER).map(Leg::carrierSid).orElse(null);
        String shown = placed.session().party(MaskedCallService.RETAILER_ROLE).orElseThrow().masked().e164();
        return ResponseEntity.status(201).body(new Result(true, placed.session().id(), placed.call().id(), sid,
                "Calling the retailer now from " + shown + "; the customer is dialled when the retailer answers."));
    }
}
