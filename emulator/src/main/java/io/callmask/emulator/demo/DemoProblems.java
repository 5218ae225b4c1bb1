package io.callmask.emulator.demo;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The demo's refusals as problem+json, with the type URIs callmask's API uses for the same refusal. */
@RestControllerAdvice(assignableTypes = DemoController.class)
@ConditionalOnProperty(name = "emulator.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoProblems {

    @ExceptionHandler(DemoRefusal.class)
    ResponseEntity<ProblemDetail> refused(DemoRefusal e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(URI.create("urn:callmask:problem:" + e.slug));
        problem.setTitle(e.title);
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
