package io.callmask.abuse;

import io.callmask.web.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link CallRefused} as problem+json with {@code Retry-After}; ahead of the general problem handler. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class CallRefusedHandler {

    @ExceptionHandler(CallRefused.class)
    ResponseEntity<ProblemDetail> refused(CallRefused e) {
        ProblemDetail body = ProblemTypes.of(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body);
    }
}
