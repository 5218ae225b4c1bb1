package io.callmask.hostile;

import io.callmask.core.Ids;
import io.callmask.hostile.Endpoint.Field;
import io.callmask.hostile.Endpoint.Kind;
import io.callmask.hostile.HostileCase.Expect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each row of the endpoint table into hostile cases, one family at a time. A family knows
 * nothing about a particular endpoint: it reads the row's kind and field kinds, so a new endpoint
 * is one line in {@link Endpoints}.
 */
final class Families {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DIGIT_RUN = Pattern.compile("(?U)\\d{7,}");
    private static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}";

    private final String base;
    private final String apiKey;
    private final String authToken;
    private final String emulatorBasic;
    private final List<Endpoint> table;
    private final List<HostileCase> cases = new ArrayList<>();

    Families(String base, String apiKey, String authToken, String emulatorAccount, List<Endpoint> table) {
        this.base = base;
        this.apiKey = apiKey;
        this.authToken = authToken;
        this.emulatorBasic = "Basic " + Base64.getEncoder()
                .encodeToString((emulatorAccount + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.table = table;
    }

    List<HostileCase> all() {
        for (Endpoint e : table) {
            pathValues(e);
            queryValues(e);
            methods(e);
            if (e.hasJsonBody()) {
                malformedJson(e);
                contentTypes(e);
                wrongTypes(e);
                bodyValues(e);
                if (e.jsonWebhook) {
                    missing(e); // a carrier's events grow new fields, which must be ignored, not refused
                } else {
                    missingAndExtra(e);
                }
            }
            if (e.kind == Kind.API || e.kind == Kind.PUBLIC) {
                accept(e);
            }
            if (e.kind == Kind.API) {
                auth(e);
            }
            if (e.kind == Kind.WEBHOOK && e.secretVar != null) {
                secretPath(e); // unsigned (MSG91): the secret path is the protection
            } else if (e.kind == Kind.WEBHOOK && (e.jsonWebhook || e.method.equals("GET"))) {
                bodySignatures(e); // JSON or query webhooks (Vonage, Connect): the body families above did the rest
            } else if (e.kind == Kind.WEBHOOK) {
                signatures(e);
                formValues(e);
                formShape(e);
            }
            if ((e.kind == Kind.EMULATOR_TWILIO || e.kind == Kind.CONSOLE) && e.hasFormBody()) {
                formValues(e);
            }
            if (e.hugeBodies) {
                hugeBodies(e);
            }
        }
        httpLevel();
        return cases;
    }

    // --- families ------------------------------------------------------------------------------

    /**
     * The full list of values runs once per (kind, parameter, field); the same parameter on the
     * next endpoint outside the API (the emulator's seven phone paths) gets every fifth value, to keep
     * the run short.
     */
    private List<String> firstTimeAll(Endpoint e, String name, Field field, boolean inPath) {
        List<String> values = valuesFor(field, inPath);
        if (e.kind == Kind.API || sampled.add(e.kind + "|" + name + "|" + field)) {
            return values;
        }
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 5) {
            sample.add(values.get(i));
        }
        return sample;
    }

    private final Set<String> sampled = new java.util.HashSet<>();

    private void pathValues(Endpoint e) {
        e.pathFields.forEach((name, field) -> {
            for (String v : firstTimeAll(e, name, field, true)) {
                Map<String, String> vars = new LinkedHashMap<>(e.pathVars);
                vars.put(name, v);
                add("path-param", name + "=" + show(v), e, send(e, e.target(vars, e.query), body(e)),
                        expectFor(e, field, v), Set.of(), v);
            }
        });
    }

    private void queryValues(Endpoint e) {
        e.queryFields.forEach((name, field) -> {
            for (String v : firstTimeAll(e, name, field, true)) {
                Map<String, String> params = new LinkedHashMap<>(e.query);
                params.put(name, v);
                add("query-param", name + "=" + show(v), e, send(e, e.target(e.pathVars, params), body(e)),
                        expectFor(e, field, v), Set.of(), v);
            }
        });
        if (!e.query.isEmpty()) {
            for (String name : e.query.keySet()) {
                Map<String, String> params = new LinkedHashMap<>(e.query);
                params.remove(name);
                if (e.required.contains(name)) {
                    add("missing-param", name, e, send(e, e.target(e.pathVars, params), body(e)), Expect.REFUSED,
                            Set.of(400));
                }
            }
            String target = e.validTarget() + "&" + e.query.keySet().iterator().next() + "=second";
            add("duplicate-param", "query", e, send(e, target, body(e)), Expect.REFUSED_OR_ACCEPTED, Set.of());
        }
    }

    /** Methods the path does not take: 405 with problem+json, PATCH and made-up methods included. */
    private void methods(Endpoint e) {
        Set<String> taken = table.stream().filter(o -> o.template.equals(e.template)).map(o -> o.method)
                .collect(Collectors.toSet());
        if (!e.method.equals(table.stream().filter(o -> o.template.equals(e.template)).findFirst().orElseThrow().method)) {
            return; // once per path
        }
        for (String m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "FOO", "PROPFIND")) {
            if (taken.contains(m) || (m.equals("DELETE") && e.template.equals("/emulator/phones"))) {
                continue;
            }
            add("http-method", m, e, send(e, m, e.validTarget(), null, null, List.of()), Expect.REFUSED,
                    Set.of(405));
        }
    }

    private void malformedJson(Endpoint e) {
        List<String> bodies = new ArrayList<>(Values.MALFORMED);
        String valid = json(e.body);
        bodies.addAll(List.of("[]", "[" + valid + "]", "null", "", valid + "}", valid + " trailing", valid + valid,
                "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                valid.substring(0, valid.length() / 2)));
        String first = e.bodyFields.keySet().iterator().next();
        if (!first.contains(".")) {
            bodies.add(valid.replaceFirst("\\{", "{\"" + first + "\":\"duplicate\","));
        }
        for (String b : bodies) {
            boolean bomThenEmptyObject = b.equals("\uFEFF{}"); // valid JSON; the emulator fills in defaults
            add("malformed-json", show(b), e, send(e, e.method, e.validTarget(), "application/json", b, List.of()),
                    bomThenEmptyObject && e.lenient ? Expect.REFUSED_OR_ACCEPTED : Expect.REFUSED,
                    bomThenEmptyObject && e.lenient ? Set.of() : Set.of(400));
        }
        add("malformed-json", "no body at all", e, send(e, e.method, e.validTarget(), "application/json", null,
                List.of()), Expect.REFUSED, Set.of(400));
    }

    private void contentTypes(Endpoint e) {
        String valid = json(e.body);
        for (String type : new String[] {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", null, "application/jsonx", "text/json; charset=utf-8",
                "application/json; charset=ebcdic-xx", "*/*"}) {
            add("content-type", String.valueOf(type), e, send(e, e.method, e.validTarget(), type, valid, List.of()),
                    Expect.REFUSED, Set.of(415, 400));
        }
    }

    private void accept(Endpoint e) {
        for (String accept : List.of("application/xml", "text/html", "image/png", "application/yaml", "text/csv",
                "garbage/???;;q=x")) {
            add("accept", accept, e, send(e, e.method, e.validTarget(), e.hasJsonBody() ? "application/json" : null,
                    e.hasJsonBody() ? json(e.body) : null, List.<String[]>of(new String[] {"Accept", accept})),
                    Expect.REFUSED, Set.of(406));
        }
    }

    private void wrongTypes(Endpoint e) {
        e.bodyFields.forEach((path, field) -> {
            for (String literal : List.of("123", "true", "[]", "{}", "[\"a\",\"b\"]", "{\"a\":{\"b\":1}}", "1.5")) {
                if ((field == Field.TTL || field == Field.INTEGER) && (literal.equals("123") || literal.equals("1.5"))) {
                    continue;
                }
                Object mutated = with(e.body, path, new Raw(literal));
                boolean coercible = literal.equals("123") || literal.equals("true") || literal.equals("1.5");
                add("wrong-type", path + "=" + literal, e, sendJson(e, mutated),
                        // Jackson reads 123 or true given for a string field as its text, which then
                        // has to pass the field's own rules (and may be a valid reference or role).
                        coercible && (e.lenient || field != Field.TTL && field != Field.INTEGER)
                                ? Expect.REFUSED_OR_ACCEPTED : Expect.REFUSED,
                        Set.of());
            }
            boolean required = e.required.contains(path);
            add("null", path, e, sendJson(e, with(e.body, path, null)),
                    required ? Expect.REFUSED : Expect.REFUSED_OR_ACCEPTED, Set.of());
        });
    }

    private void bodyValues(Endpoint e) {
        e.bodyFields.forEach((path, field) -> {
            for (String v : valuesFor(field, false)) {
                Object value = field == Field.TTL ? new Raw(v) : v;
                add(familyOf(field), path + "=" + show(v), e, sendJson(e, with(e.body, path, value)),
                        expectFor(e, field, v), Set.of(), v);
            }
        });
    }

    private void missingAndExtra(Endpoint e) {
        for (String path : e.required) {
            if (e.bodyFields.containsKey(path)) {
                add("missing-field", path, e, sendJson(e, without(e.body, path)), Expect.REFUSED, Set.of(400));
            }
        }
        // Unknown fields are refused (400 unknown-field), consistently on every JSON body we read; a
        // carrier's webhook is the exception: the carrier adds fields without asking.
        for (String extra : e.jsonWebhook ? List.<String>of() : List.of("isAdmin", "ttlSecond", "__proto__",
                "retailerId\u0000")) {
            if (e.bodyFields.containsKey(extra)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> mutated = (Map<String, Object>) copy(e.body);
            mutated.put(extra, true);
            add("unknown-field", extra, e, sendJson(e, mutated), Expect.REFUSED, Set.of(400));
        }
    }

    /** Forged signatures on a JSON or GET webhook, and a genuine signature replayed on another body. */
    private void bodySignatures(Endpoint e) {
        WebhookSigner signer = signer(e);
        String target = e.validTarget();
        String body = e.hasJsonBody() ? json(e.body) : null;
        String type = body == null ? null : "application/json";
        for (var v : signer.forgeries(target, Map.of(), body).entrySet()) {
            add("signature", v.getKey(), e, send(e, e.method, target, type, body, v.getValue(), false, false),
                    Expect.REFUSED, Set.of(403));
        }
        if (body != null) {
            String altered = body.replaceFirst("\\}$", ",\"extra\":1}");
            add("signature", "replayed with an altered body", e, send(e, e.method, target, type, altered,
                    signer.sign(target, Map.of(), body), false, false), Expect.REFUSED, Set.of(403));
        }
    }

    private void auth(Endpoint e) {
        for (String header : new String[] {null, "Bearer wrong", "Basic aXQtYXBpLWtleQ==", "Bearer ", "bearer it-api-key",
                "Bearer it-api-key-", "Bearer ' OR 1=1 --", "Bearer " + "k".repeat(4000), "Bearer\tit-api-key"}) {
            List<String[]> headers = new ArrayList<>();
            if (header != null) {
                headers.add(new String[] {"Authorization", header});
            }
            add("auth", String.valueOf(header), e, send(e, e.method, e.validTarget(),
                    e.hasJsonBody() ? "application/json" : null, e.hasJsonBody() ? json(e.body) : null, headers, false,
                    false), Expect.REFUSED, Set.of(401));
        }
    }

    private WebhookSigner signer(Endpoint e) {
        return switch (e.carrier) {
            case "twilio" -> WebhookSigner.twilio(base, authToken);
            case "telnyx" -> WebhookSigner.telnyx();
            case "plivo" -> WebhookSigner.plivo(base, HostileInputSuite.PLIVO_TOKEN);
            case "vonage" -> WebhookSigner.vonage(HostileInputSuite.VONAGE_SECRET);
            case "connect" -> WebhookSigner.connect(HostileInputSuite.CONNECT_SECRET);
            case "msg91", "exotel" -> WebhookSigner.secretInPath();
            default -> throw new IllegalStateException("no signer for " + e.carrier);
        };
    }

    private void signatures(Endpoint e) {
        @SuppressWarnings("unchecked")
        Map<String, String> params = (Map<String, String>) e.body;
        WebhookSigner signer = signer(e);
        String target = e.validTarget();
        String form = form(params);
        Map<String, String> altered = new LinkedHashMap<>(params);
        altered.replaceAll((k, v) -> k.equals("CallSid") || k.equals("From") || k.equals("DialCallStatus")
                ? v + "0" : v);
        altered.putIfAbsent("Extra", "1");
        for (var v : signer.forgeries(target, params, form).entrySet()) {
            add("signature", v.getKey(), e, send(e, "POST", target, FORM, form, v.getValue(), false, false),
                    Expect.REFUSED, Set.of(403));
        }
        add("signature", "replayed with an altered parameter", e, send(e, "POST", target, FORM, form(altered),
                signer.sign(target, params, form), false, false), Expect.REFUSED, Set.of(403));
        if (!e.query.isEmpty() && signer.coversQuery()) {
            Map<String, String> query = new LinkedHashMap<>(e.query);
            query.replaceAll((k, v) -> v + "x");
            add("signature", "replayed with an altered query", e, send(e, "POST", e.target(e.pathVars, query), FORM,
                    form, signer.sign(target, params, form), false, false), Expect.REFUSED, Set.of(403));
        }
    }

    private void missing(Endpoint e) {
        for (String path : e.required) {
            if (e.bodyFields.containsKey(path)) {
                add("missing-field", path, e, sendJson(e, without(e.body, path)), Expect.REFUSED, Set.of(400));
            }
        }
    }

    /** An unsigned webhook's secret path segment, guessed: an ordinary 404 every time, nothing changed. */
    private void secretPath(Endpoint e) {
        String secret = e.pathVars.get(e.secretVar);
        for (String guess : List.of(secret + "x", secret.substring(1), secret.toUpperCase(java.util.Locale.ROOT),
                secret.substring(0, secret.length() - 1) + (secret.endsWith("0") ? "1" : "0"), " " + secret, "a".repeat(
                        secret.length()))) {
            Map<String, String> vars = new LinkedHashMap<>(e.pathVars);
            vars.put(e.secretVar, guess);
            boolean json = e.hasJsonBody(); // a query webhook (Exotel's applets) sends no body
            add("secret-path", show(guess), e, send(e, e.method, e.target(vars, e.query), json ? "application/json"
                    : null, json ? json(e.body) : null, List.of()), Expect.REFUSED, Set.of(404));
        }
    }

    private void formValues(Endpoint e) {
        @SuppressWarnings("unchecked")
        Map<String, String> params = (Map<String, String>) e.body;
        e.bodyFields.forEach((name, field) -> {
            for (String v : valuesFor(field, false)) {
                Map<String, String> mutated = new LinkedHashMap<>(params);
                mutated.put(name, v);
                add(familyOf(field), name + "=" + show(v), e, sendForm(e, e.validTarget(), mutated),
                        expectFor(e, field, v), Set.of(), v);
            }
        });
        for (String name : e.required) {
            if (params.containsKey(name)) {
                Map<String, String> mutated = new LinkedHashMap<>(params);
                mutated.remove(name);
                add("missing-field", name, e, sendForm(e, e.validTarget(), mutated), Expect.REFUSED, Set.of());
            }
        }
    }

    /** Duplicated parameters and the wrong body format for a form webhook. */
    private void formShape(Endpoint e) {
        @SuppressWarnings("unchecked")
        Map<String, String> params = (Map<String, String>) e.body;
        String target = e.validTarget();
        for (String name : e.bodyFields.keySet()) {
            String form = form(params) + "&" + enc(name) + "=" + enc(name.equals("From") || name.equals("To")
                    ? "+919876543210" : "duplicate");
            // Twilio signs the first values; a body signer signs exactly these bytes
            add("duplicate-param", name, e, send(e, "POST", target, FORM, form,
                    signer(e).sign(target, params, form), false, false), Expect.REFUSED,
                    Set.of(), "+919876543210");
        }
        for (String type : new String[] {"application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x"}) {
            add("content-type", type, e, send(e, "POST", target, type, json(params),
                    signer(e).sign(target, Map.of(), json(params)), false, false),
                    Expect.REFUSED, Set.of(415, 400));
        }
    }

    private void hugeBodies(Endpoint e) {
        int mb = 1024 * 1024;
        if (e.hasJsonBody()) {
            String field = e.bodyFields.keySet().iterator().next();
            String oneMb = json(with(e.body, field, "x".repeat(mb)));
            add("huge-body", "1 MB JSON string", e, send(e, e.method, e.validTarget(), "application/json", oneMb,
                    List.of()), Expect.REFUSED, Set.of(413));
            add("huge-body", "1 MB JSON string, chunked", e, send(e, e.method, e.validTarget(), "application/json",
                    oneMb, List.of(), true, true), Expect.REFUSED, Set.of(413));
            add("huge-body", "70 KB, just over the limit", e, send(e, e.method, e.validTarget(), "application/json",
                    json(with(e.body, field, "x".repeat(70 * 1024))), List.of()), Expect.REFUSED, Set.of(413));
            add("huge-body", "60 KB, under the limit", e, send(e, e.method, e.validTarget(), "application/json",
                    json(with(e.body, field, "x".repeat(60 * 1024))), List.of()), Expect.REFUSED, Set.of(400));
            String array = "[" + "{\"role\":\"customer\",\"number\":\"+919876543210\"},".repeat(mb / 45) + "{}]";
            add("huge-body", "1 MB array", e, send(e, e.method, e.validTarget(), "application/json",
                    json(e.body).replaceFirst("\\{", "{\"items\":" + Matcher.quoteReplacement(array) + ","), List.of()),
                    Expect.REFUSED, Set.of(413));
            String small = "[" + "1,".repeat(20_000) + "1]";
            add("huge-body", "40 KB array of numbers", e, send(e, e.method, e.validTarget(), "application/json",
                    json(e.body).replaceFirst("\\{", "{\"items\":" + small + ","), List.of()), Expect.REFUSED, Set.of(400));
        } else if (e.hasFormBody()) {
            @SuppressWarnings("unchecked")
            Map<String, String> params = new LinkedHashMap<>((Map<String, String>) e.body);
            params.put("Digits", "1".repeat(mb));
            add("huge-body", "1 MB form", e, sendForm(e, e.validTarget(), params), Expect.REFUSED, Set.of(413));
            add("huge-body", "1 MB form, chunked", e, send(e, "POST", e.validTarget(), FORM, form(params), List.of(),
                    true, true), Expect.REFUSED, Set.of(411, 413));
        }
        if (e.kind == Kind.API || e.kind == Kind.WEBHOOK) {
            String tenMb = "{\"a\":\"" + "x".repeat(10 * mb) + "\"}";
            add("huge-body", "10 MB", e, send(e, e.method, e.validTarget(), e.hasFormBody() ? FORM : "application/json",
                    tenMb, List.of()), Expect.REFUSED, Set.of(413));
        }
    }

    /** Paths and headers no endpoint should see: answered by Tomcat or by us, never with a 5xx. */
    private void httpLevel() {
        Endpoint any = Endpoint.api("GET", "(http level)");
        String longQuery = "/v1/sessions?reference=" + "a".repeat(9_000);
        for (String target : List.of("/v1/../v1/sessions", "/v1/sessions/../../etc/passwd",
                "/v1/sessions/..%2f..%2fetc%2fpasswd", "//v1//sessions", "/v1/sessions/%2e%2e/%2e%2e/etc/passwd",
                "/v1/sessions/a%2Fb", "/v1/sessions/%00", "/v1/sessions/a;jsessionid=x", "/v1/sessions/%ZZ",
                "/webhooks/twilio/../../v1/sessions", "/webhooks/twilio/voice/../status", "/emulator/../v1/sessions",
                "/%2e%2e/%2e%2e/etc/passwd", "/v1/sessions/%c0%ae%c0%ae/", "/v1/sessions/\u00e4", "/v1/%0d%0aX-Injected:%201",
                "/webhooks/twilio//voice", "/v1/sessions?reference=a&reference=b", "/v1", "/v1/", "/webhooks/twilio/",
                "/webhooks/twilio/unknown", "/actuator/env", "/actuator/heapdump", "/actuator/../actuator/env",
                "/v3/api-docs/../../v1/sessions", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/.git/config",
                "/application.yml", "/static/../application.yml", longQuery, longQuery + "a".repeat(11_000),
                "/v1/sessions/" + "a".repeat(9_000))) {
            add("http-level", show(target), any, send(any, "GET", target, null, null, List.of()), Expect.CONNECTOR,
                    Set.of());
        }
        List<String[]> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new String[] {"X-Pad-" + i, "v".repeat(60)});
        }
        add("http-level", "200 headers", any, send(any, "GET", "/v1/events", null, null, many), Expect.CONNECTOR, Set.of());
        add("http-level", "one 16 KB header", any, send(any, "GET", "/v1/events", null, null,
                List.<String[]>of(new String[] {"X-Big", "v".repeat(16_384)})), Expect.CONNECTOR, Set.of());
    }

    // --- values and expectations ---------------------------------------------------------------

    private static List<String> valuesFor(Field field, boolean inPath) {
        List<String> values = new ArrayList<>(Values.INJECTIONS);
        switch (field) {
            case NUMBER -> {
                values.addAll(Values.INVALID_NUMBERS);
                values.addAll(Values.EXOTIC_NUMBERS);
            }
            case ID -> {
                values.addAll(Values.BAD_IDS);
                values.addAll(Values.EXOTIC_NUMBERS.subList(0, 3)); // an id that is somebody's number
            }
            case ENUM -> values.addAll(Values.UNKNOWN_ENUMS);
            case TTL -> values = new ArrayList<>(Values.TTLS);
            case INTEGER -> values.addAll(Values.INTEGERS);
            case SID -> values.addAll(Values.SIDS);
            case DIGITS -> values.addAll(Values.DIGITS);
            case URL -> values.addAll(Values.URLS);
            default -> { }
        }
        if (inPath) {
            values.removeIf(String::isEmpty); // an empty segment is another path, covered by http-level
        }
        return values.stream().distinct().toList();
    }

    private static String familyOf(Field field) {
        return switch (field) {
            case NUMBER -> "number";
            case TTL -> "ttl";
            case ENUM -> "enum";
            case INTEGER -> "integer";
            case SID -> "sid";
            case DIGITS -> "digits";
            case URL -> "url";
            default -> "injection";
        };
    }

    /** Which values an endpoint may legitimately accept (and then store as plain data). */
    private static Expect expectFor(Endpoint e, Field field, String v) {
        if (Values.EXOTIC_NUMBERS.contains(v) && (field == Field.NUMBER) && !e.mayChange.isEmpty()) {
            return Expect.REFUSED_OR_ACCEPTED;
        }
        boolean plainText = v.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE) && v.length() <= 200;
        if (field == Field.ID && (v.matches(Ids.PATTERN) || v.matches(REFERENCE))) {
            return Expect.REFUSED_OR_ACCEPTED; // "null", "a/b" and "1" are ids and references like any other
        }
        if (field == Field.SID && v.matches("[A-Za-z0-9]{2,64}")) {
            return Expect.REFUSED_OR_ACCEPTED; // "null" has the shape of a SID
        }
        if (field == Field.TTL && v.equals("\"\"")) {
            return Expect.REFUSED_OR_ACCEPTED; // Jackson reads "" for an optional number as absent: the default TTL
        }
        if (field == Field.INTEGER && (v.equals("0x10") || v.equals("\u0661\u0662") || v.equals("0"))) {
            return Expect.REFUSED_OR_ACCEPTED; // Java reads these as 16, 12 and 0
        }
        if (field == Field.TEXT && plainText) {
            return Expect.REFUSED_OR_ACCEPTED;
        }
        if (e.lenient) {
            return Expect.REFUSED_OR_ACCEPTED;
        }
        return Expect.REFUSED;
    }

    // --- building requests ---------------------------------------------------------------------

    static final String FORM = "application/x-www-form-urlencoded";

    private void add(String family, String label, Endpoint e, RawHttp.Request request, Expect expect,
            Set<Integer> statuses, String... secrets) {
        List<String> echo = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.codePoints().filter(Character::isDigit).count() >= 7) {
                // any number-like value: neither the value nor a run of its digits may come back
                echo.add(s.strip());
                Matcher m = DIGIT_RUN.matcher(s);
                while (m.find()) {
                    echo.add(m.group());
                }
            }
        }
        cases.add(new HostileCase(family, label, e, request, expect, statuses, echo));
    }

    private String body(Endpoint e) {
        return e.hasJsonBody() ? json(e.body) : e.hasFormBody() ? null : null;
    }

    private RawHttp.Request send(Endpoint e, String target, String jsonBody) {
        if (e.hasFormBody()) {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) e.body;
            return sendForm(e, target, params);
        }
        return send(e, e.method, target, jsonBody == null ? null : "application/json", jsonBody, List.of());
    }

    private RawHttp.Request sendJson(Endpoint e, Object body) {
        return send(e, e.method, e.validTarget(), "application/json", json(body), List.of());
    }

    private RawHttp.Request sendForm(Endpoint e, String target, Map<String, String> params) {
        List<String[]> headers = new ArrayList<>();
        if (e.kind == Kind.WEBHOOK) {
            headers.addAll(signer(e).sign(target, params, form(params)));
        }
        return send(e, e.method, target, FORM, form(params), headers, false, true);
    }

    private RawHttp.Request send(Endpoint e, String method, String target, String contentType, String body,
            List<String[]> headers) {
        return send(e, method, target, contentType, body, headers, false, true);
    }

    private RawHttp.Request send(Endpoint e, String method, String target, String contentType, String body,
            List<String[]> extra, boolean chunked, boolean authenticate) {
        List<String[]> headers = new ArrayList<>();
        if (authenticate && e.kind == Kind.API) {
            headers.add(new String[] {"Authorization", "Bearer " + (e.operator ? HostileInputSuite.OPERATOR_KEY : apiKey)});
        }
        if (authenticate && e.kind == Kind.EMULATOR_TWILIO) {
            headers.add(new String[] {"Authorization", emulatorBasic});
        }
        if (authenticate && e.kind == Kind.WEBHOOK && extra.stream().noneMatch(h -> h[0].equals(signer(e).header()))) {
            headers.addAll(signer(e).sign(target, Map.of(), body)); // Twilio: the URL only; Telnyx: this body
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        headers.addAll(extra);
        byte[] bytes = body == null ? (method.equals("POST") || method.equals("PUT") ? new byte[0] : null)
                : body.getBytes(StandardCharsets.UTF_8);
        return new RawHttp.Request(method, target, headers, bytes, chunked);
    }

    // --- JSON trees ----------------------------------------------------------------------------

    /** A JSON literal written as is (a number too big for Java, a bare word). */
    record Raw(String literal) {}

    static String json(Object tree) {
        if (tree instanceof Raw raw) {
            return raw.literal();
        }
        if (tree instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> quote((String) e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(Families::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (tree instanceof String s) {
            return quote(s);
        }
        return JSON.writeValueAsString(tree);
    }

    /** A JSON string with control characters and every surrogate escaped, so a lone one arrives as sent. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static Object copy(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(Families::copy).toList());
        }
        return tree;
    }

    /** A copy of the tree with the value at a dotted path ({@code parties.1.number}) replaced. */
    @SuppressWarnings("unchecked")
    static Object with(Object tree, String path, Object value) {
        Object copy = copy(tree);
        String[] parts = path.split("\\.");
        Object node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(parts[i])) : ((Map<String, Object>) node).get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node instanceof List<?> l) {
            ((List<Object>) l).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Object without(Object tree, String path) {
        Object copy = copy(tree);
        String[] parts = path.split("\\.");
        Object node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(parts[i])) : ((Map<String, Object>) node).get(parts[i]);
        }
        ((Map<String, Object>) node).remove(parts[parts.length - 1]);
        return copy;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String encPath(String s) {
        return enc(s).replace("+", "%20");
    }

    static String show(String v) {
        String s = v.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return s.length() <= 40 ? s : s.substring(0, 30) + "…(" + s.length() + " chars)";
    }

    static Set<String> setOf(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
