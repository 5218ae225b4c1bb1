package io.callmask.carrier.connect;

import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The part of Amazon Connect's Lambda event ({@code Name} "ContactFlowEvent") callmask reads:
 * {@code Details.ContactData.ContactId}, {@code CustomerEndpoint.Address} (the party),
 * {@code SystemEndpoint.Address} (our claimed number), the contact attribute {@code callmaskCallId}
 * and the block's parameters ({@code Details.Parameters}, the flow's Lambda invocation attributes).
 */
record LambdaEvent(String contactId, String customer, String system, JsonNode attributes, JsonNode parameters) {

    static LambdaEvent read(JsonNode event) {
        if (!"ContactFlowEvent".equals(text(event, "Name"))) {
            throw Problem.badRequest("not-a-flow-event", "The body is not an Amazon Connect flow's Lambda event.");
        }
        JsonNode data = event.path("Details").path("ContactData");
        String contactId = text(data, "ContactId");
        if (contactId == null) {
            throw Problem.badRequest("missing-parameter", "'Details.ContactData.ContactId' is required.");
        }
        return new LambdaEvent(WebhookInput.sid(contactId), text(data.path("CustomerEndpoint"), "Address"),
                text(data.path("SystemEndpoint"), "Address"), data.path("Attributes"),
                event.path("Details").path("Parameters"));
    }

    /** A party's number as Connect writes it (E.164); absent for a withheld caller, which VoiceFlow turns away. */
    String customerOrEmpty() {
        return customer == null ? "" : customer;
    }

    String systemOrEmpty() {
        return system == null ? "" : system;
    }

    String parameter(String name, boolean required) {
        String v = text(parameters, name);
        if (v == null && required) {
            throw Problem.badRequest("missing-parameter", "'Details.Parameters." + name + "' is required.");
        }
        return v;
    }

    String attribute(String name) {
        return text(attributes, name);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw Problem.badRequest("invalid-parameter", "'" + field + "' must be a string.");
        }
        return v.asString().isEmpty() ? null : v.asString();
    }
}
