package io.callmask.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the endpoint table: how to call it validly, and what each input is, so that the
 * families know what to break. Built fluently, one line per endpoint in {@link Endpoints}.
 *
 * <p>The valid call is chosen so that it changes nothing when it is repeated (it reads, or it
 * repeats the fixture's own data), or so that it is refused for a reason the family does not
 * touch; a hostile variant that slips through therefore shows up as a database change.
 */
final class Endpoint {

    /** Who answers, which fixes what a refusal looks like. */
    enum Kind {
        /** {@code /v1/**}: Bearer key, JSON, problem+json errors with urn:callmask:problem types. */
        API,
        /** {@code /webhooks/<carrier>/**}: signed form posts; TwiML/TeXML or problem+json. */
        WEBHOOK,
        /** The emulator's control API: JSON, its own problem types. */
        EMULATOR,
        /** The emulator's Twilio REST surface: Basic auth, form posts, Twilio's error JSON. */
        EMULATOR_TWILIO,
        /** Unauthenticated framework pages: OpenAPI, actuator, the landing page. */
        PUBLIC,
        /** The operator console's sign-in: an HTML form post; refusals are 4xx pages and never set a cookie. */
        CONSOLE
    }

    /** What a field holds, which picks the hostile values thrown at it. */
    enum Field {
        /** A phone number. */
        NUMBER,
        /** An id or reference with a pattern. */
        ID,
        /** Free text: hostile strings may be stored verbatim, but never control characters. */
        TEXT,
        /** One of a closed set of words. */
        ENUM,
        /** A TTL in seconds. */
        TTL,
        /** A number the app reads (limit, attempt, sequence, duration, seconds). */
        INTEGER,
        /** A Twilio SID. */
        SID,
        /** DTMF digits. */
        DIGITS,
        /** A URL. */
        URL
    }

    final Kind kind;
    final String method;
    final String template;
    final Map<String, String> pathVars = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, Field> queryFields = new LinkedHashMap<>();
    /** JSON body (a tree of maps and lists) for API/EMULATOR, form parameters for webhooks. */
    Object body;
    final Map<String, Field> bodyFields = new LinkedHashMap<>();
    final Map<String, Field> pathFields = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** Tables an accepted exotic-but-valid value may change (e.g. a +44 number for a retailer). */
    final Set<String> mayChange = new LinkedHashSet<>();
    /** Event types a rejected dial-in legitimately records (the platform wants to know). */
    final Set<String> mayRecordEvents = new LinkedHashSet<>();
    /** A webhook's carrier, which picks how its requests are signed ({@link WebhookSigner}). */
    String carrier = "twilio";
    /** Voice webhooks answer a person: refusals are spoken ({@code <Say>}), not problem+json. */
    boolean spoken;
    /** Whether the huge-body family runs here (it is slow, so only a few rows). */
    boolean hugeBodies;
    /** The emulator's valid-looking values may be accepted (its state is not in the database). */
    boolean lenient;
    /** {@code /v1/**} rows that only operators may call send the operator key instead of the API key. */
    boolean operator;
    /** A webhook whose carrier posts JSON (Vonage) rather than a form; its body families are the JSON ones. */
    boolean jsonWebhook;
    final List<String> notes = new ArrayList<>();

    /** The path variable holding a JSON webhook's secret (see {@link #jsonWebhook}), else null. */
    String secretVar;

    private Endpoint(Kind kind, String method, String template) {
        this.kind = kind;
        this.method = method;
        this.template = template;
    }

    static Endpoint api(String method, String template) {
        return new Endpoint(Kind.API, method, template);
    }

    static Endpoint webhook(String template) {
        return new Endpoint(Kind.WEBHOOK, "POST", template);
    }

    /** A webhook the carrier fetches with {@code method} (Vonage's answer URL defaults to GET). */
    static Endpoint webhook(String method, String template) {
        return new Endpoint(Kind.WEBHOOK, method, template);
    }

    static Endpoint emulator(String method, String template) {
        return new Endpoint(Kind.EMULATOR, method, template);
    }

    static Endpoint emulatorTwilio(String method, String template) {
        return new Endpoint(Kind.EMULATOR_TWILIO, method, template);
    }

    static Endpoint console(String method, String template) {
        return new Endpoint(Kind.CONSOLE, method, template);
    }

    static Endpoint publicPage(String template) {
        return new Endpoint(Kind.PUBLIC, "GET", template);
    }

    Endpoint path(String name, String valid, Field field) {
        pathVars.put(name, valid);
        pathFields.put(name, field);
        return this;
    }

    Endpoint query(String name, String valid, Field field) {
        query.put(name, valid);
        queryFields.put(name, field);
        return this;
    }

    /** A JSON body; {@code fields} pairs a dotted path ({@code parties.1.number}) with its kind. */
    Endpoint json(Map<String, Object> valid, Object... fields) {
        this.body = valid;
        for (int i = 0; i < fields.length; i += 2) {
            bodyFields.put((String) fields[i], (Field) fields[i + 1]);
        }
        return this;
    }

    /** A webhook's JSON body (Vonage's events and inputs, Amazon Connect's forwarded events); unknown fields are the carrier's to add. */
    Endpoint jsonWebhook(Map<String, Object> valid, Object... fields) {
        this.jsonWebhook = true;
        return json(valid, fields);
    }

    /** Form parameters (webhooks, the emulator's Twilio API). */
    Endpoint form(Map<String, String> valid, Object... fields) {
        this.body = valid;
        for (int i = 0; i < fields.length; i += 2) {
            bodyFields.put((String) fields[i], (Field) fields[i + 1]);
        }
        return this;
    }

    /**
     * A webhook whose carrier posts JSON and signs nothing (MSG91): its body goes through the JSON
     * families, and its protection is the secret path segment {@code secretVar}.
     */
    Endpoint jsonWebhook(String secretVar, Map<String, Object> valid, Object... fields) {
        this.secretVar = secretVar;
        return jsonWebhook(valid, fields);
    }

    /**
     * A webhook the carrier fetches with query parameters and signs nothing (Exotel's applet URLs): its
     * protection is the secret path segment {@code secretVar}, as for {@link #jsonWebhook(String, Map, Object...)}.
     */
    Endpoint secretPath(String secretVar) {
        this.secretVar = secretVar;
        return this;
    }

    Endpoint required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    Endpoint mayChange(String... tables) {
        mayChange.addAll(List.of(tables));
        return this;
    }

    Endpoint mayRecordEvents(String... types) {
        mayRecordEvents.addAll(List.of(types));
        return this;
    }

    /** A webhook of another carrier than Twilio. */
    Endpoint carrier(String name) {
        this.carrier = name;
        return this;
    }

    Endpoint spoken() {
        this.spoken = true;
        return this;
    }

    Endpoint hugeBodies() {
        this.hugeBodies = true;
        return this;
    }

    Endpoint operator() {
        this.operator = true;
        return this;
    }

    Endpoint lenient() {
        this.lenient = true;
        return this;
    }

    boolean hasJsonBody() {
        return body instanceof Map && (kind == Kind.API || kind == Kind.EMULATOR || jsonWebhook);
    }

    boolean hasFormBody() {
        return body instanceof Map && (kind == Kind.WEBHOOK && !jsonWebhook || kind == Kind.EMULATOR_TWILIO
                || kind == Kind.CONSOLE);
    }

    /** The path with the given path variables and query parameters, encoded. */
    String target(Map<String, String> vars, Map<String, String> params) {
        String path = template;
        for (var e : vars.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", Families.encPath(e.getValue()));
        }
        if (params.isEmpty()) {
            return path;
        }
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(Families.enc(k)).append('=')
                .append(Families.enc(v)));
        return path + q;
    }

    String validTarget() {
        return target(pathVars, query);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
