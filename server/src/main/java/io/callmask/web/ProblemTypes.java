package io.callmask.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem+json bodies with callmask's stable type URIs. */
public final class ProblemTypes {

    public static final String PREFIX = "urn:callmask:problem:";

    private ProblemTypes() {}

    public static ProblemDetail of(int status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    /** The body as a plain map, for filters that write a response before Spring MVC runs. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
