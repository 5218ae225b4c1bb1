package io.callmask.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the app in tests: answers webhooks under {@code /fake-app/{name}} with TwiML set per name, and records
 * each request with whether its X-Twilio-Signature passes the official SDK's RequestValidator.
 */
@TestComponent
@RestController
class FakeApp {

    record Hook(String name, String method, String contentType, Map<String, String> params, boolean signatureValid) {
    }

    private final RequestValidator validator;
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    FakeApp(@Value("${emulator.auth-token}") String token) {
        this.validator = new RequestValidator(token);
    }

    void answer(String name, String twiml) {
        answers.put(name, twiml);
    }

    List<Hook> hooks(String name) {
        return hooks.stream().filter(h -> h.name().equals(name)).toList();
    }

    @RequestMapping(path = "/fake-app/{name}", produces = "text/xml")
    ResponseEntity<String> hook(@PathVariable String name, @RequestParam MultiValueMap<String, String> all,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            HttpServletRequest request) {
        String query = request.getQueryString();
        Map<String, String> params = new LinkedHashMap<>();
        all.forEach((key, values) -> params.put(key, values.get(0)));
        if (query != null) { // only the POST parameters are signed; query parameters are part of the URL
            Arrays.stream(query.split("&")).map(p -> URLDecoder.decode(p.split("=")[0], StandardCharsets.UTF_8))
                    .forEach(params::remove);
        }
        String url = request.getRequestURL() + (query == null ? "" : "?" + query);
        boolean valid = signature != null && validator.validate(url, params, signature);
        hooks.add(new Hook(name, request.getMethod(), request.getContentType(), params, valid));
        if (name.startsWith("broken")) {
            return ResponseEntity.internalServerError().body("boom");
        }
        if (name.startsWith("unavailable")) {
            return ResponseEntity.status(503).header("Retry-After", "5").build();
        }
        return ResponseEntity.ok(answers.getOrDefault(name, "<Response/>"));
    }
}
