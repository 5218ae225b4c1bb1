package io.callmask.web;

import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring fills a problem's {@code instance} with the request path, which may hold a phone number
 * ({@code GET /v1/sessions/+9198…} by mistake). Runs of seven or more digits are blanked, so a
 * problem body never repeats a number in clear; short ids stay readable.
 */
@RestControllerAdvice
class ProblemInstances implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getInstance() != null) {
            String path = problem.getInstance().toString();
            // a run may not start inside a %XX escape: "%2098765…" is a space, then digits
            String redacted = path.replaceAll("(?<!%)(?<!%[0-9A-Fa-f])\\d{7,}", "***");
            if (!redacted.equals(path)) {
                problem.setInstance(URI.create(redacted));
            }
        }
        return body;
    }
}
