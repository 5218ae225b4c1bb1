package io.callmask.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One hostile request and what must come back. {@link #check} holds the rules every answer obeys:
 * never a 5xx, never a stack trace or SQL, never a number the request carried; and a refusal in the
 * shape its endpoint promises (problem+json, spoken TwiML, Twilio's error JSON).
 */
record HostileCase(String family, String label, Endpoint endpoint, RawHttp.Request request, Expect expect,
        Set<Integer> statuses, List<String> secrets) {

    enum Expect {
        /** Must be refused (4xx, or for a spoken webhook a polite {@code <Say>}); nothing may change. */
        REFUSED,
        /** Harmless but legal (a +44 number, a name with quotes): refused, or accepted and stored as data. */
        REFUSED_OR_ACCEPTED,
        /**
         * Refused by Tomcat before any of our code runs (URL or headers too large, an encoded slash):
         * any 4xx, whatever body Tomcat writes, as long as it holds no stack trace.
         */
        CONNECTOR
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STACK = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception|\\.java:\\d+|tools\\.jackson|org\\.springframework");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\s+\\w+\\s+set\\b|SQLState|jdbc:|org\\.h2|PSQL"
                    + "|syntax error at|constraint \\w+|value too long|violates");

    String name() {
        return family + " | " + endpoint + " | " + label;
    }

    boolean mayChange() {
        return expect == Expect.REFUSED_OR_ACCEPTED;
    }

    /** Null when the answer is right, else what is wrong with it. */
    String check(RawHttp.Response r) {
        if (r.status() >= 500) {
            return "5xx: " + r.status();
        }
        if (STACK.matcher(r.body()).find()) {
            return "stack trace or class name in the body";
        }
        if (SQL.matcher(r.body()).find()) {
            return "SQL in the body";
        }
        // An accepted request may show the number it stored to the platform that sent it.
        boolean refused = r.status() >= 300 || endpoint.kind == Endpoint.Kind.WEBHOOK;
        for (String secret : refused ? secrets : List.<String>of()) {
            if (secret.length() >= 7 && r.body().contains(secret)) {
                return "echoed a number from the request";
            }
        }
        for (var header : r.headers().keySet()) {
            if (header.startsWith("x-injected") || header.equals("set-cookie")) {
                return "a header was injected: " + header;
            }
        }
        if (!statuses.isEmpty() && !statuses.contains(r.status())) {
            return "status " + r.status() + ", expected one of " + statuses;
        }
        if (expect == Expect.CONNECTOR) {
            return r.status() >= 400 ? null : "status " + r.status() + ", expected a 4xx";
        }
        boolean accepted = r.status() >= 200 && r.status() < 300;
        if (accepted && expect == Expect.REFUSED_OR_ACCEPTED) {
            return null;
        }
        return refusal(r);
    }

    private String refusal(RawHttp.Response r) {
        String type = String.valueOf(r.header("content-type")).toLowerCase(Locale.ROOT);
        if (endpoint.kind == Endpoint.Kind.WEBHOOK && r.status() == 200 && type.startsWith("text/xml")) {
            if (!r.body().contains("<Response")) {
                return "200 without TwiML";
            }
            // TwiML and TeXML speak with <Say>, Plivo XML with <Speak>
            if (endpoint.spoken && !r.body().contains("<Say") && !r.body().contains("<Speak")) {
                return "a refused caller heard nothing: no <Say>/<Speak>";
            }
            if (r.body().contains("<Dial")) {
                return "a hostile webhook was bridged";
            }
            return null;
        }
        if (endpoint.carrier.equals("exotel") && r.status() == 302 && r.body().isEmpty()) {
            return null; // a sync Passthru's failure branch: the flow goes on to the Greeting, which says why
        }
        if (endpoint.carrier.equals("exotel") && r.status() == 200 && type.startsWith("application/json")) {
            // a Connect applet's answer: a refused caller is dialled to nobody (the Greeting speaks next)
            JsonNode numbers = parse(r.body()) == null ? null : parse(r.body()).path("destination").path("numbers");
            return numbers != null && numbers.isArray() && numbers.isEmpty() ? null
                    : "a hostile applet request was bridged or unreadable: " + abbreviate(r.body());
        }
        if (endpoint.kind == Endpoint.Kind.WEBHOOK && r.status() == 200 && type.startsWith("application/json")) {
            JsonNode answer = parse(r.body());
            if (answer != null && answer.isObject()) {
                // Amazon Connect's flows read a flat attribute map: a refused caller hears a prompt and is let
                // go (or, after a wrong order code, asked again), never transferred
                String action = answer.path("action").asString("");
                if (!action.equals("hangup") && !action.equals("menu")) {
                    return "a hostile flow step was transferred or unreadable: " + abbreviate(r.body());
                }
                return endpoint.spoken && answer.path("prompt").asString("").isBlank()
                        ? "a refused caller heard nothing: empty prompt" : null;
            }
            // an NCCO (Vonage): a JSON array of actions; a refused caller hears a talk and is never connected
            if (answer == null || !answer.isArray()) {
                return "200 without an NCCO or attribute map";
            }
            boolean talks = false;
            for (JsonNode action : answer) {
                talks |= action.path("action").asString("").equals("talk");
                if (action.path("action").asString("").equals("connect")) {
                    return "a hostile webhook was bridged";
                }
            }
            return endpoint.spoken && !talks ? "a refused caller heard nothing: no talk action" : null;
        }
        if (r.status() < 400) {
            return "status " + r.status() + ", expected a refusal";
        }
        if (endpoint.kind == Endpoint.Kind.CONSOLE && (type.startsWith("text/html") || type.startsWith("application/problem+json"))) {
            return null; // the sign-in page again with its message (401, 403, 429), or a 405 problem
        }
        if (endpoint.kind == Endpoint.Kind.EMULATOR_TWILIO && type.startsWith("application/json")) {
            JsonNode body = parse(r.body());
            return body != null && body.has("code") && body.has("message") && body.path("status").asInt() == r.status()
                    ? null : "not Twilio's error JSON: " + abbreviate(r.body());
        }
        if (!type.startsWith("application/problem+json")) {
            return "content type '" + type + "', expected application/problem+json";
        }
        JsonNode body = parse(r.body());
        if (body == null) {
            return "problem body is not JSON";
        }
        String problemType = body.path("type").asString("");
        boolean ours = problemType.startsWith("urn:callmask:problem:")
                // the emulator imports nothing from callmask and names its own problem types
                || (endpoint.kind != Endpoint.Kind.API && endpoint.kind != Endpoint.Kind.WEBHOOK
                        && problemType.startsWith("https://callmask.io/problems/emulator/"));
        if (!ours) {
            return "problem type '" + problemType + "'";
        }
        if (body.path("title").asString("").isBlank()) {
            return "problem without a title";
        }
        if (body.path("status").asInt() != r.status()) {
            return "problem status " + body.path("status") + " on a " + r.status();
        }
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return RawHttp.abbreviate(s.replace("\n", " "));
    }
}
