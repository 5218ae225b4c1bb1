package io.callmask.core;

import java.util.Map;

/**
 * A request the domain refuses, and why: a stable {@code slug} (the API's problem type is
 * {@code urn:callmask:problem:<slug>}), a title and a detail for people (never a real phone number), the
 * facts a client can act on ({@code facts}, such as which limit), and when trying again may help. The
 * {@link Kind} says what sort of refusal it is; only the web layer turns it into an HTTP status and the carrier
 * layer into what a caller hears, each in one place.
 */
public class Refusal extends RuntimeException {

    /** What sort of refusal; the web layer maps each to one status (in brackets). */
    public enum Kind {
        /** The request itself is wrong (400). */
        INVALID,
        /** This caller may not do it (403). */
        FORBIDDEN,
        /** No such thing (404). */
        NOT_FOUND,
        /** The thing is not in a state that allows it (409). */
        CONFLICT,
        /** It existed and was removed for good (410). */
        GONE,
        /** Well-formed, but cannot be done with this configuration or these data (422). */
        NOT_POSSIBLE,
        /** A limit is reached; {@link #retryAfterSeconds()} says when to try again (429). */
        LIMITED,
        /** callmask cannot do it right now; retrying later may work (503). */
        UNAVAILABLE,
        /** The carrier did not do its part (502). */
        CARRIER_FAILED
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final Map<String, Object> facts;
    private final Long retryAfterSeconds;

    public Refusal(Kind kind, String slug, String title, String detail) {
        this(kind, slug, title, detail, Map.of(), null);
    }

    public Refusal(Kind kind, String slug, String title, String detail, Map<String, Object> facts) {
        this(kind, slug, title, detail, facts, null);
    }

    /** {@code retryAfterSeconds}: when trying again may succeed, or null. */
    public Refusal(Kind kind, String slug, String title, String detail, Map<String, Object> facts,
            Long retryAfterSeconds) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.facts = Map.copyOf(facts);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, what + "-not-found",
                Character.toUpperCase(what.charAt(0)) + what.substring(1) + " not found",
                "No " + what + " has " + quoted(id) + ".");
    }

    public static Refusal invalid(String slug, String detail) {
        return new Refusal(Kind.INVALID, slug, "Invalid request", detail);
    }

    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(Kind.CONFLICT, slug, title, detail);
    }

    /**
     * An id from the request, repeated only when it has the shape of an id: anything else may be
     * markup, a forged log line, or somebody's phone number pasted into the wrong field.
     */
    public static String quoted(String id) {
        return id != null && id.matches(Ids.PATTERN) && !id.matches(".*\\d{7,}.*") ? "the id '" + id + "'" : "that id";
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    /** Seconds until trying again may succeed, or null when that is not known. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
