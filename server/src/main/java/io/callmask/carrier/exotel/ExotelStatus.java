package io.callmask.carrier.exotel;

import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One StatusCallback of a click-to-call, as Exotel posts it with {@code StatusCallbackContentType=
 * application/json}: {@code CallSid}, {@code Status}, {@code EventType} ({@code terminal} or
 * {@code answered}), our call id as {@code CustomField}, {@code ConversationDuration} and
 * {@code Legs} (one {@code {Status, OnCallDuration}} per leg, the {@code From} party's first).
 * Other fields are Exotel's to add and are ignored.
 *
 * @param legs the legs' states in Exotel's order (caller, callee); empty when Exotel sent none
 */
record ExotelStatus(String callId, String callSid, String eventType, LegStatus status, Integer conversationDuration,
        List<LegReport> legs) {

    record LegReport(LegStatus status, Integer duration) {}

    /** The callee's leg: Exotel names no second leg, so its id is derived from the call's. */
    String calleeLeg() {
        return callSid + ":b";
    }

    boolean answeredEvent() {
        return "answered".equals(eventType);
    }

    static ExotelStatus of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("invalid-status", "The status callback must be a JSON object.");
        }
        String callSid = WebhookInput.sid(WebhookInput.jsonText(body, "CallSid", true));
        String callId = WebhookInput.id(WebhookInput.jsonText(body, "CustomField", true), "call");
        LegStatus status = status(WebhookInput.jsonText(body, "Status", true));
        String eventType = WebhookInput.jsonText(body, "EventType", false);
        if (eventType != null && !eventType.equals("terminal") && !eventType.equals("answered")) {
            throw Problem.badRequest("invalid-parameter", "'EventType' must be terminal or answered.");
        }
        Integer conversation = duration("ConversationDuration", WebhookInput.jsonText(body, "ConversationDuration", false));
        List<LegReport> legs = new ArrayList<>();
        JsonNode array = body.get("Legs");
        if (array != null && !array.isNull()) {
            if (!array.isArray() || array.size() > 2) {
                throw Problem.badRequest("invalid-parameter", "'Legs' must be an array of at most two legs.");
            }
            for (JsonNode leg : array) {
                if (!leg.isObject()) {
                    throw Problem.badRequest("invalid-parameter", "Each of 'Legs' must be an object.");
                }
                legs.add(new LegReport(status(WebhookInput.jsonText(leg, "Status", true)),
                        duration("OnCallDuration", WebhookInput.jsonText(leg, "OnCallDuration", false))));
            }
        }
        return new ExotelStatus(callId, callSid, eventType, status, conversation, legs);
    }

    /**
     * Exotel's words: {@code completed}, {@code failed}, {@code busy}, {@code no-answer} for a call's end
     * (StatusCallback page), and the Call Details states {@code queued}, {@code ringing},
     * {@code in-progress}, {@code canceled}.
     */
    static LegStatus status(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "queued":
                return LegStatus.QUEUED;
            case "ringing":
                return LegStatus.RINGING;
            case "in-progress":
                return LegStatus.IN_PROGRESS;
            case "completed":
                return LegStatus.COMPLETED;
            case "busy":
                return LegStatus.BUSY;
            case "no-answer":
                return LegStatus.NO_ANSWER;
            case "canceled":
            case "cancelled":
                return LegStatus.CANCELED;
            case "failed":
                return LegStatus.FAILED;
            default:
                throw WebhookInput.unknownStatus(text);
        }
    }

    private static Integer duration(String name, String text) {
        return WebhookInput.notNegative(name, WebhookInput.count(name, text));
    }
}
