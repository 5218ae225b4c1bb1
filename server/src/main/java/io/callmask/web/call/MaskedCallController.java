package io.callmask.web.call;

import io.callmask.core.call.Leg;
import io.callmask.core.calling.MaskedCallService;
import io.callmask.core.Caller;
import io.callmask.core.Ids;
import io.callmask.web.Problem;
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

    /** {@code retailerId} may be left out with a retailer token, which names the retailer. */
    record Body(@NotBlank @Pattern(regexp = ID) String orderId, @Pattern(regexp = ID) String retailerId,
            String customerPhone, Boolean record) {}

    /**
     * {@code retailerMaskedNumber}: the platform's number the retailer's phone is about to show as
     * caller ID (and may dial back); a platform number, never a party's real one.
     */
    record Result(boolean success, String sessionId, String callId, String callSid, String retailerMaskedNumber,
            String message) {}

    @PostMapping("/v1/masked-calls")
    ResponseEntity<Result> create(@Valid @RequestBody Body body, Caller caller) {
        var placed = maskedCalls.place(body.orderId(), retailerFor(body, caller), body.customerPhone(), body.record());
        String sid = placed.call().leg(Leg.Role.CALLER).map(Leg::carrierSid).orElse(null);
        String shown = placed.session().party(MaskedCallService.RETAILER_ROLE).orElseThrow().masked().e164();
        return ResponseEntity.status(201).body(new Result(true, placed.session().id(), placed.call().id(), sid, shown,
                "Calling the retailer now from " + shown + "; the customer is dialled when the retailer answers."));
    }

    /** A retailer token calls only for its own retailer, and never brings a customer number. */
    private static String retailerFor(Body body, Caller caller) {
        if (caller.isTrusted()) {
            if (body.retailerId() == null || body.retailerId().isBlank()) {
                throw Problem.badRequest("invalid-request", "'retailerId' is required with an API key.");
            }
            return body.retailerId();
        }
        if (body.retailerId() != null && !caller.mayActFor(body.retailerId())) {
            throw new Problem(403, "forbidden", "Forbidden", "A retailer token may only call for its own retailer.");
        }
        if (body.customerPhone() != null) {
            throw Problem.badRequest("invalid-request",
                    "'customerPhone' is not accepted with a retailer token; the number always comes from the order.");
        }
        return caller.retailerId();
    }
}
