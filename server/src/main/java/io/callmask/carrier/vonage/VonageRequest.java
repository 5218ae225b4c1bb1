package io.callmask.carrier.vonage;

import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.WebhookInput;
import io.callmask.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one Vonage webhook says: its JSON body (a POST), or its query parameters (a GET answer or
 * whisper fetch). Vonage adds fields over time, so unknown ones are ignored; a known one that is
 * not a single scalar is a 400. Numbers come as digits without {@code +}.
 */
final class VonageRequest {

    /** Strict like every JSON body callmask reads, but Vonage's unknown fields are let through. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final HttpServletRequest request;
    private final JsonNode body;

    private VonageRequest(HttpServletRequest request, JsonNode body) {
        this.request = request;
        this.body = body;
    }

    static VonageRequest of(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return new VonageRequest(request, null);
        }
        String charset = request.getCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "Vonage sends JSON in UTF-8; this body is in another charset.");
        }
        try {
            JsonNode body = JSON.readTree(request.getInputStream());
            if (body == null || !body.isObject()) {
                throw Problem.badRequest("invalid-body", "The body must be a JSON object.");
            }
            return new VonageRequest(request, body);
        } catch (JacksonException e) {
            throw Problem.badRequest("invalid-body", "The body must be a JSON object.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field of Vonage's: from the body of a POST, from the query of a GET. */
    String field(String name, boolean required) {
        if (body == null) {
            return WebhookInput.single(request, name, required);
        }
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw Problem.badRequest("missing-parameter", "'" + name + "' is required.");
            }
            return null;
        }
        if (!(node.isString() || node.isNumber() || node.isBoolean()) || node.asString().isBlank()) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must be a non-empty string.");
        }
        return node.asString();
    }

    /** One of our own parameters, which we put in the URL's query. */
    String ours(String name, boolean required) {
        return WebhookInput.single(request, name, required);
    }

    /** The keys an {@code input} action collected; null when it timed out without any. */
    String digits() {
        JsonNode dtmf = body == null ? null : body.get("dtmf");
        if (dtmf == null || dtmf.isNull()) {
            return null;
        }
        JsonNode digits = dtmf.isObject() ? dtmf.get("digits") : null;
        if (digits == null || digits.isNull()) {
            return null;
        }
        if (!digits.isString()) {
            throw Problem.badRequest("invalid-parameter", "'dtmf.digits' must be a string.");
        }
        return digits.asString();
    }

    String sid(String name) {
        return WebhookInput.sid(field(name, true));
    }

    /** Vonage writes E.164 without {@code +}; anything else is passed on for the flow to turn away. */
    String number(String name) {
        String value = field(name, true).strip();
        return value.matches("[1-9][0-9]{6,14}") ? "+" + value : value;
    }

    Integer count(String name) {
        return WebhookInput.notNegative(name, WebhookInput.count(name, field(name, false)));
    }

    /** An ISO-8601 instant field, or empty when absent; malformed is a 400. */
    Optional<Instant> instant(String name) {
        String text = field(name, false);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must be an ISO-8601 time.");
        }
    }

    /**
     * Vonage's {@code timestamp} in epoch seconds, kept with the leg's event as its sequence: events
     * arrive out of order, and the rank of the status, not arrival, decides the leg's state.
     */
    Integer sequence() {
        return instant("timestamp").map(t -> t.getEpochSecond() > Integer.MAX_VALUE ? null : (int) t.getEpochSecond())
                .orElse(null);
    }

    /** Seconds between two instants of the body, or null. */
    Integer seconds(String from, String to) {
        Optional<Instant> start = instant(from);
        Optional<Instant> end = instant(to);
        if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
            return null;
        }
        return (int) Duration.between(start.get(), end.get()).toSeconds();
    }

    /**
     * A call status word as a leg status. Empty for what moves no leg: {@code machine}, {@code human},
     * {@code input}, {@code transfer}, {@code disconnected}, and a {@code completed} without talk time,
     * which Vonage sends after the reason a leg was not answered ({@code busy}, {@code timeout}, …) and
     * possibly before it: the reason must win.
     */
    static Optional<LegStatus> legStatus(String word, Integer duration) {
        switch (word) {
            case "started":
                return Optional.of(LegStatus.INITIATED);
            case "ringing":
                return Optional.of(LegStatus.RINGING);
            case "answered":
                return Optional.of(LegStatus.IN_PROGRESS);
            case "completed":
                return duration != null && duration > 0 ? Optional.of(LegStatus.COMPLETED) : Optional.empty();
            case "busy":
                return Optional.of(LegStatus.BUSY);
            case "timeout":
            case "unanswered":
                return Optional.of(LegStatus.NO_ANSWER);
            case "failed":
            case "rejected":
                return Optional.of(LegStatus.FAILED);
            case "cancelled":
                return Optional.of(LegStatus.CANCELED);
            case "machine":
            case "human":
            case "input":
            case "transfer":
            case "disconnected":
                return Optional.empty();
            default:
                throw WebhookInput.unknownStatus(word);
        }
    }
}
