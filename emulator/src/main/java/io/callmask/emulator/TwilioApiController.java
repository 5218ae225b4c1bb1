package io.callmask.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of {@code api.twilio.com} the official SDK uses for calls: create, fetch and modify. Answers and
 * errors have Twilio's JSON shapes so that the SDK parses them as it would the real ones.
 */
@RestController
@Conditional(EmulatorEnabledCondition.class)
@RequestMapping(path = "/emulator/twilio/2010-04-01/Accounts/{accountSid}", produces = MediaType.APPLICATION_JSON_VALUE)
class TwilioApiController {

    private final TwilioEmulator emulator;

    TwilioApiController(TwilioEmulator emulator) {
        this.emulator = emulator;
    }

    @PostMapping("/Calls.json")
    ResponseEntity<Map<String, Object>> create(@PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> params) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        String to = params.getFirst("To");
        String from = params.getFirst("From");
        if (!E164.isValid(to)) {
            return error(21211, "Invalid 'To' Phone Number: " + mask(to));
        }
        if (!E164.isValid(from)) {
            return error(21212, "Invalid 'From' Phone Number: " + mask(from));
        }
        String url = params.getFirst("Url");
        String twiml = params.getFirst("Twiml");
        if ((url == null || url.isBlank()) && (twiml == null || twiml.isBlank())) {
            return error(21205, "Url parameter is required.");
        }
        URI answerUrl = null;
        StatusCallback callback;
        try {
            answerUrl = url == null || url.isBlank() ? null : URI.create(url.trim());
            callback = StatusCallback.of(params.getFirst("StatusCallback"), params.getFirst("StatusCallbackMethod"),
                    params.getOrDefault("StatusCallbackEvent", List.of()));
        } catch (IllegalArgumentException e) {
            return error(21205, "Url is not a valid URL.");
        }
        if (answerUrl != null && !answerUrl.isAbsolute()) {
            return error(21205, "Url is not a valid URL.");
        }
        Double timeout = seconds(params.getFirst("Timeout"));
        Double timeLimit = seconds(params.getFirst("TimeLimit"));
        Map<String, Object> created = emulator.createCall(new OutboundCall(to, from, answerUrl,
                StatusCallback.normaliseMethod(params.getFirst("Method")), answerUrl == null ? twiml : null,
                callback, timeout, timeLimit), leg -> CallResource.of(leg, accountSid));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/Calls/{callSid}.json")
    ResponseEntity<Map<String, Object>> fetch(@PathVariable String accountSid, @PathVariable String callSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        return find(callSid).map(leg -> ResponseEntity.ok(CallResource.of(leg, accountSid)))
                .orElseGet(() -> notFound(callSid));
    }

    @PostMapping("/Calls/{callSid}.json")
    ResponseEntity<Map<String, Object>> modify(@PathVariable String accountSid, @PathVariable String callSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> params) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        var leg = find(callSid);
        if (leg.isEmpty()) {
            return notFound(callSid);
        }
        String status = params.getFirst("Status");
        if (status != null) {
            try {
                emulator.modify(leg.get(), status);
            } catch (BadRequestException e) {
                return error(21218, "Invalid Status: " + status);
            }
        }
        return ResponseEntity.ok(CallResource.of(leg.get(), accountSid));
    }

    private Optional<Leg> find(String sid) {
        try {
            return Optional.of(emulator.call(sid));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean authorised(String pathSid, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = emulator.accountSid() + ":" + emulator.authToken();
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))
                && emulator.accountSid().equals(pathSid);
    }

    private static Double seconds(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Echoes only the shape of a bad number; the emulator never repeats numbers in clear. */
    private static String mask(String number) {
        // (?U): Arabic-Indic and fullwidth digits are digits too
        return number == null ? "(missing)" : number.replaceAll("(?U)\\d(?=\\d{2})", "*");
    }

    private static ResponseEntity<Map<String, Object>> unauthorised() {
        return twilioError(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
    }

    private static ResponseEntity<Map<String, Object>> notFound(String sid) {
        return twilioError(HttpStatus.NOT_FOUND, 20404, "The requested resource /2010-04-01/Calls/" + sid
                + ".json was not found");
    }

    private static ResponseEntity<Map<String, Object>> error(int code, String message) {
        return twilioError(HttpStatus.BAD_REQUEST, code, message);
    }

    private static ResponseEntity<Map<String, Object>> twilioError(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status.value());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
