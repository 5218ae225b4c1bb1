package io.callmask.carrier.voice;

import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.Ids;
import io.callmask.web.Problem;

/**
 * Checks every adapter applies to what a carrier sends, before it reaches the domain or the
 * database: carrier ids, our own ids echoed back in URLs, counts.
 */
public final class WebhookInput {

    private WebhookInput() {}

    /**
     * A carrier's call id is a key of our legs table (at most 64 characters); letters, digits and
     * dashes cover Twilio's {@code CA…}, Telnyx's and Plivo's UUIDs and Exotel's hex sids.
     */
    public static String sid(String text) {
        if (text == null || !text.matches("[A-Za-z0-9][A-Za-z0-9:_-]{1,63}")) {
            throw Problem.badRequest("invalid-call-sid", "The call SID is not a carrier call id.");
        }
        return text;
    }

    /**
     * Our own ids come back in webhook URLs; one that does not have their shape (a NUL, which
     * PostgreSQL refuses in text, or 10 KB of junk) is unknown without asking the database.
     */
    public static String id(String text, String what) {
        if (text == null || !text.matches(Ids.PATTERN)) {
            throw Problem.notFound(what, text);
        }
        return text;
    }

    public static Integer notNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must not be negative.");
        }
        return value;
    }

    /** A whole number, or null when absent; anything else is a 400 naming the parameter. */
    public static Integer count(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must be a whole number.");
        }
    }

    /** A carrier's status word the adapter could not map. */
    public static Problem unknownStatus(String text) {
        String shown = text == null ? "" : text.substring(0, Math.min(text.length(), 32));
        return Problem.badRequest("unknown-call-status", "Unknown call status '" + shown + "'.");
    }

    /** Keypads send 0-9, * and #; anything else (a NUL, 10 000 keys) is no code at all. */
    public static String digits(String text) {
        return text != null && text.strip().matches("[0-9*#]{1,32}") ? text : null;
    }

    /**
     * One parameter, present at most once: a repeated one is refused rather than joined with a comma
     * (a comma-joined URL would still parse). Present but empty is malformed, not absent.
     */
    public static String single(jakarta.servlet.http.HttpServletRequest request, String name, boolean required) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            if (required) {
                throw Problem.badRequest("missing-parameter", "'" + name + "' is required.");
            }
            return null;
        }
        if (values.length > 1) {
            throw Problem.badRequest("repeated-parameter", "'" + name + "' must be given once.");
        }
        if (values[0].isBlank()) {
            throw Problem.badRequest("empty-parameter", "'" + name + "' must not be empty.");
        }
        return values[0];
    }

    /**
     * A field of a carrier's JSON body given as a string (or a number, which carriers' templates send
     * for counts): missing or blank is null, or a 400 when {@code required}; anything else is a 400.
     */
    public static String jsonText(tools.jackson.databind.JsonNode body, String name, boolean required) {
        tools.jackson.databind.JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw Problem.badRequest("missing-parameter", "'" + name + "' is required.");
            }
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            throw Problem.badRequest("invalid-parameter", "'" + name + "' must be a string.");
        }
        String text = node.asString();
        if (text.isBlank()) {
            if (required) {
                throw Problem.badRequest("empty-parameter", "'" + name + "' must not be empty.");
            }
            return null;
        }
        return text;
    }

    /** Our {@code leg} URL parameter: {@code caller} (the first leg) or {@code callee} (the dialled one). */
    public static Leg.Role role(String leg) {
        return switch (leg) {
            case "caller" -> Leg.Role.CALLER;
            case "callee" -> Leg.Role.CALLEE;
            default -> throw Problem.badRequest("unknown-leg", "'leg' must be caller or callee.");
        };
    }

    /** A status word in callmask's wire spelling (Twilio's and TeXML's), or a 400. */
    public static LegStatus wireStatus(String text) {
        return LegStatus.fromWire(text).orElseThrow(() -> unknownStatus(text));
    }

    /** An absolute http(s) URL of at most 500 characters, or a 400 naming the parameter. */
    public static String mediaUrl(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            java.net.URI url = java.net.URI.create(text.strip());
            if (url.isAbsolute() && (url.getScheme().equals("https") || url.getScheme().equals("http"))
                    && text.length() <= 500) {
                return url.toString();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw Problem.badRequest("invalid-recording-url", "'" + name + "' must be an absolute http(s) URL.");
    }
}
