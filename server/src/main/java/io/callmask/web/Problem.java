package io.callmask.web;

import io.callmask.core.Refusal;
import java.util.Map;

/**
 * A failure the API reports as RFC 9457 problem+json. The {@code type} slug is stable and part of
 * the API contract ({@code urn:callmask:problem:<slug>}); the detail is for people and never holds
 * a real phone number.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public Problem(int status, String slug, String title, String detail, Map<String, Object> properties) {
        this(status, slug, title, detail, properties, Map.of());
    }

    /** With response headers, such as {@code Retry-After} on a 429. */
    public Problem(int status, String slug, String title, String detail, Map<String, Object> properties,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Map.copyOf(properties);
        this.headers = Map.copyOf(headers);
    }

    /** The same slug, title and wording as the domain's {@link Refusal#notFound}. */
    public static Problem notFound(String what, String id) {
        Refusal same = Refusal.notFound(what, id);
        return new Problem(404, same.slug(), same.title(), same.getMessage());
    }

    /**
     * An id from the request, repeated only when it has the shape of an id: anything else may be
     * markup, a forged log line, or somebody's phone number pasted into the wrong field.
     */
    public static String quoted(String id) {
        return Refusal.quoted(id);
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(400, slug, "Invalid request", detail);
    }

    public static Problem conflict(String slug, String title, String detail) {
        return new Problem(409, slug, title, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }

}
