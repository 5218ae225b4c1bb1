package io.callmask.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks an API request's media types <em>before</em> the handler runs.
 *
 * <ul>
 *   <li>An {@code Accept} that rules out JSON gets 406. Spring negotiates the answer's type only
 *       after the handler returns, so without this a {@code PUT} with {@code Accept:
 *       application/xml} would change the database and then fail. Handlers that declare
 *       {@code produces} (audio, CSV) were negotiated by Spring already and are left alone.
 *   <li>A wildcard {@code Content-Type} ({@code *}{@code /*}) gets 415; Spring would throw an
 *       IllegalArgumentException reading it, a 500.
 * </ul>
 */
class ApiMediaTypes implements HandlerInterceptor {

    private static final List<MediaType> OURS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                if (MediaType.parseMediaType(contentType).isWildcardType()
                        || MediaType.parseMediaType(contentType).isWildcardSubtype()) {
                    throw new HttpMediaTypeNotSupportedException("wildcard Content-Type");
                }
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotSupportedException("unreadable Content-Type");
            }
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("unreadable Accept header");
        }
        boolean json = accepted.stream().anyMatch(a -> a.getQualityValue() > 0 && OURS.stream().anyMatch(a::isCompatibleWith));
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(OURS);
        }
        return true;
    }
}
