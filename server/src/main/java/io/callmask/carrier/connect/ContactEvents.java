package io.callmask.carrier.connect;

import io.callmask.web.Problem;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.WebhookInput;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Connect contact events ({@code detail-type} "Amazon Connect Contact Event", source
 * {@code aws.connect}, delivered best effort through EventBridge) read as leg reports. Only voice
 * events of our instance with a known meaning count: {@code INITIATED} rings, {@code CONNECTED_TO_SYSTEM}
 * has media (answered), {@code DISCONNECTED} ends the leg: completed after media; otherwise a first
 * leg is unanswered, while a transferred party's unanswered end is left to the flow's transfer branch,
 * which says why (the event does not); every other type (queues, agents, new ones) is ignored, as AWS asks of consumers.
 */
final class ContactEvents {

    private ContactEvents() {}

    /**
     * One event's meaning for a leg. {@code previousContactId} is set when Connect started this contact
     * by transferring another one (the callee of a flow's external transfer).
     */
    record Report(String contactId, String previousContactId, LegStatus status, Integer durationSeconds) {

        boolean transferLeg() {
            return previousContactId != null;
        }
    }

    /** Empty when the event is none of ours to apply (other instance, channel or type). */
    static Optional<Report> read(JsonNode event, String instanceId) {
        if (!"aws.connect".equals(text(event, "source"))
                || !"Amazon Connect Contact Event".equals(text(event, "detail-type"))) {
            throw Problem.badRequest("not-a-contact-event",
                    "The body is not an Amazon Connect contact event.");
        }
        JsonNode detail = event.path("detail");
        String arn = text(detail, "instanceArn");
        if (arn == null || !arn.endsWith("/" + instanceId) || !"VOICE".equalsIgnoreCase(text(detail, "channel"))) {
            return Optional.empty();
        }
        String contactId = WebhookInput.sid(text(detail, "contactId"));
        String method = text(detail, "initiationMethod");
        String previous = text(detail, "previousContactId");
        boolean transfer = previous != null && ("TRANSFER".equals(method) || "EXTERNAL_OUTBOUND".equals(method));
        Instant media = time(detail, "connectedToSystemTimestamp");
        String type = text(detail, "eventType");
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,63}")) { // new types are ignored, garbage is refused
            throw Problem.badRequest("invalid-parameter", "'eventType' is not a contact event type.");
        }
        LegStatus status;
        Integer duration = null;
        switch (type) {
            case "INITIATED" -> status = LegStatus.RINGING;
            case "CONNECTED_TO_SYSTEM" -> status = LegStatus.IN_PROGRESS;
            case "DISCONNECTED" -> {
                if (transfer && media == null) {
                    return Optional.empty(); // the transfer block's branch says why (timeout, call failed)
                }
                Instant end = time(detail, "disconnectTimestamp");
                status = media != null ? LegStatus.COMPLETED : LegStatus.NO_ANSWER;
                if (media == null) {
                    duration = 0;
                } else if (end != null && !end.isBefore(media)) {
                    duration = (int) Duration.between(media, end).toSeconds();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Report(contactId, transfer ? WebhookInput.sid(previous) : null, status, duration));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw Problem.badRequest("invalid-parameter", "'" + field + "' must be a string.");
        }
        return v.asString().isBlank() ? null : v.asString();
    }

    private static Instant time(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-parameter", "'" + field + "' is not an ISO-8601 instant.");
        }
    }
}
