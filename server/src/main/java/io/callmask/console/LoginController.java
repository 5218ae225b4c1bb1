package io.callmask.console;

import io.callmask.web.ApiKeys;
import io.callmask.core.Caller;
import io.callmask.web.PublicBaseUrl;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the console with an operator key (platform keys and retailer tokens are refused:
 * the console shows every retailer's calls). Failed attempts are limited per client address.
 */
@Controller
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    /** Bounds the per-address buckets a flood of addresses could create. */
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final ApiKeys keys;
    private final ConsoleSessions sessions;
    private final ConsoleProperties properties;
    private final PublicBaseUrl publicBaseUrl;
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    LoginController(ApiKeys keys, ConsoleSessions sessions, ConsoleProperties properties,
            PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.keys = keys;
        this.sessions = sessions;
        this.properties = properties;
    }

    @GetMapping(ConsoleAuthFilter.LOGIN)
    String form(HttpServletRequest request) {
        return ConsoleAuthFilter.cookie(request).flatMap(sessions::verify).isPresent()
                ? "redirect:/console" : "console/login";
    }

    @PostMapping(ConsoleAuthFilter.LOGIN)
    String signIn(@RequestParam(name = "key", defaultValue = "") String key, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!ConsoleAuthFilter.sameOrigin(request, publicBaseUrl.get())) {
            response.setStatus(403);
            model.addAttribute("error", "Sign in from the console's own page.");
            return "console/login";
        }
        Bucket bucket = bucketFor(request.getRemoteAddr());
        if (bucket.getAvailableTokens() <= 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("error", "Too many failed attempts. Wait a minute and try again.");
            return "console/login";
        }
        Optional<Caller> caller = key.isBlank() || key.length() > 256 ? Optional.empty() : keys.identify(key.strip());
        if (caller.isEmpty() || !caller.get().isOperator()) {
            bucket.tryConsume(1);
            response.setStatus(401);
            model.addAttribute("error", caller.isPresent()
                    ? "That is a platform key. The console needs an operator key (data/operator-key on the embedded default)."
                    : "That key is not an operator key.");
            return "console/login";
        }
        log.info("Console sign-in by {}", caller.get().label());
        response.addHeader("Set-Cookie", cookie(sessions.open(caller.get()), sessions.maxAgeSeconds(), request));
        return "redirect:/console";
    }

    @PostMapping("/console/logout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie("", 0, request));
        return "redirect:" + ConsoleAuthFilter.LOGIN;
    }

    private static String cookie(String value, long maxAge, HttpServletRequest request) {
        return ResponseCookie.from(ConsoleSessions.COOKIE, value).httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").path("/console").maxAge(maxAge).build().toString();
    }

    private Bucket bucketFor(String address) {
        if (failures.size() > MAX_TRACKED_ADDRESSES) {
            failures.clear();
        }
        return failures.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.loginAttemptsPerMinute())
                        .refillGreedy(properties.loginAttemptsPerMinute(), Duration.ofMinutes(1)).build())
                .build());
    }
}
