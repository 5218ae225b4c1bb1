package io.callmask.carrier.msg91;

import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One MSG91 "Report Received" webhook, read from the JSON body the operator defines in MSG91's
 * webhook builder ({@code uuid}, {@code CRQID}, {@code status}, {@code duration}; other placeholders are
 * ignored). MSG91 reports the click-to-call as a whole, not per leg, so the report is mapped onto our
 * two legs: every status is the caller's (the first leg, {@code destination}); a {@code Completed} call
 * with a duration was bridged, so the callee's leg ({@code uuid:b}) completed with that duration too.
 *
 * @param callId our call id, echoed as {@code CRQID}
 * @param uuid MSG91's id of the call request, the caller leg's id
 * @param duration seconds, null when absent
 */
record Msg91Report(String callId, String uuid, LegStatus status, Integer duration) {

    /** Every placeholder MSG91's voice webhook builder offers; a body with anything else is not MSG91's. */
    static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("uuid", "CRQID", "requestedAt", "status",
            "duration", "charged", "startTime", "endTime", "destination", "type", "ivrInputs", "callerId", "agentId",
            "destinationB", "failureReason", "direction", "agentName", "source");

    /** The callee leg's id: MSG91 names no second leg, so it is derived from the call's. */
    String calleeLeg() {
        return uuid + ":b";
    }

    /** Whether the two parties talked: a completed call with a duration. */
    boolean bridged() {
        return status == LegStatus.COMPLETED && duration != null && duration > 0;
    }

    static Msg91Report of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("invalid-report", "The report must be a JSON object.");
        }
        for (String name : body.propertyNames()) {
            if (!PLACEHOLDERS.contains(name)) {
                throw Problem.badRequest("unknown-field", "'" + (name.length() > 32 ? name.substring(0, 32) : name)
                        + "' is not one of MSG91's report placeholders.");
            }
        }
        String callId = WebhookInput.id(WebhookInput.jsonText(body, "CRQID", true), "call");
        String uuid = WebhookInput.sid(WebhookInput.jsonText(body, "uuid", true));
        LegStatus status = status(WebhookInput.jsonText(body, "status", true));
        Integer duration = WebhookInput.notNegative("duration", WebhookInput.count("duration", WebhookInput.jsonText(body, "duration",
                false)));
        return new Msg91Report(callId, uuid, status, duration);
    }

    /**
     * MSG91's words (voice call logs help page): Queued, Ringing, Completed, Busy, No-Answer, Cancelled,
     * Failed, Balance (not placed: low balance); the webhook page's example shows {@code delivered}, read
     * as completed. Case and separators vary between MSG91's pages, so they are normalised.
     */
    static LegStatus status(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        switch (word) {
            case "queued":
                return LegStatus.QUEUED;
            case "ringing":
                return LegStatus.RINGING;
            case "completed":
            case "delivered":
                return LegStatus.COMPLETED;
            case "busy":
                return LegStatus.BUSY;
            case "no-answer":
            case "noanswer":
                return LegStatus.NO_ANSWER;
            case "cancelled":
            case "canceled":
                return LegStatus.CANCELED;
            case "failed":
            case "balance":
                return LegStatus.FAILED;
            default:
                throw WebhookInput.unknownStatus(text);
        }
    }
}
