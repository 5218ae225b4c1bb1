package io.callmask.web;

import io.callmask.core.Refusal;

import io.callmask.core.Ids;
import io.callmask.core.number.InvalidPhoneNumberException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as problem+json with a stable type. Framework errors (bad JSON, wrong method,
 * unknown path) get our types too, and their details never echo the request body, which may hold
 * phone numbers.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem e) {
        ProblemDetail body = ProblemTypes.of(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(e.status()).headers(h -> e.headers().forEach(h::set)).body(body);
    }

    /** The domain's refusals: the one place that gives each kind its HTTP status. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        int status = status(e.kind());
        ProblemDetail body = ProblemTypes.of(status, e.slug(), e.title(), e.getMessage());
        e.facts().forEach(body::setProperty);
        var answer = ResponseEntity.status(status);
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(body);
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case NOT_POSSIBLE -> 422;
            case LIMITED -> 429;
            case CARRIER_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    @ExceptionHandler(InvalidPhoneNumberException.class)
    ResponseEntity<ProblemDetail> invalidNumber(InvalidPhoneNumberException e) {
        ProblemDetail body = ProblemTypes.of(400, "invalid-phone-number", "Invalid phone number", e.getMessage());
        body.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * A constraint on a path or query parameter of a {@code @Validated} controller (an id that
     * breaks {@link Ids#PATTERN}): the caller's mistake, not ours. The value is not repeated.
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(jakarta.validation.ConstraintViolationException e) {
        return ResponseEntity.badRequest().body(ProblemTypes.of(400, "invalid-request", "Invalid request",
                "A path or query parameter is invalid."));
    }

    /** A Content-Type or Accept header that is not a media type at all ({@code *}{@code /*} as a body type). */
    @ExceptionHandler(org.springframework.util.InvalidMimeTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(org.springframework.util.InvalidMimeTypeException e) {
        return ResponseEntity.status(415).body(ProblemTypes.of(415, "unsupported-media-type",
                "Unsupported media type", "Send the body as application/json."));
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(org.springframework.dao.DuplicateKeyException e) {
        return ResponseEntity.status(409).body(ProblemTypes.of(409, "concurrent-modification", "Concurrent modification",
                "Another request changed the same resource at the same time; nothing was changed by this one. Retry."));
    }

    /**
     * The database is unreachable or timed out: nothing was committed, and the same request will work
     * once it is back, so say so (503 + Retry-After) instead of an internal error.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            // the connection died mid-transaction (e.g. during the rollback): nothing was committed
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.error("Database unavailable ({})", e.getClass().getSimpleName());
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(ProblemTypes.of(503,
                "database-unavailable", "Service unavailable",
                "The database cannot be reached right now; nothing was changed by this request. Retry shortly."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // The message may carry request data; the stack trace goes to the log, the caller gets none.
        log.error("Unexpected error ({})", e.getClass().getName(), e);
        return ResponseEntity.internalServerError().body(ProblemTypes.of(500, "internal-error",
                "Internal error", "Something went wrong on our side; nothing was changed by this request."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail body = ProblemTypes.of(400, "invalid-request", "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemTypes.of(400, "invalid-request", "Invalid request",
                "A path or query parameter is invalid."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // A body without a Content-Length that grew past the limit while Jackson read it.
            if (cause instanceof BodySizeLimitFilter.TooLarge tooLarge) {
                return ResponseEntity.status(413).body(BodySizeLimitFilter.tooLarge(tooLarge.maxBytes));
            }
            // Unknown fields are refused, not ignored: a misspelt "ttlSecond" must not silently
            // open a session with the default TTL. Only a plain field name is repeated back.
            if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                String name = String.valueOf(unknown.getPropertyName());
                return ResponseEntity.badRequest().body(ProblemTypes.of(400, "unknown-field", "Unknown field",
                        name.matches("[A-Za-z0-9_]{1,64}") ? "The field '" + name + "' is not part of this request."
                                : "The body has a field that is not part of this request."));
            }
        }
        return ResponseEntity.badRequest().body(ProblemTypes.of(400, "malformed-body", "Malformed body",
                "The request body is missing or is not valid JSON of the expected shape."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemTypes.of(400, "invalid-request", "Invalid request",
                "The parameter '" + e.getParameterName() + "' is required."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(405).headers(headers).body(ProblemTypes.of(405, "method-not-allowed",
                "Method not allowed", "This resource does not accept " + e.getMethod() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(415).headers(headers).body(ProblemTypes.of(415, "unsupported-media-type",
                "Unsupported media type", "Send the body as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The client accepts none of our types; RFC 9110 lets us answer in ours rather than with nothing.
        return ResponseEntity.status(406).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemTypes.of(406, "not-acceptable", "Not acceptable",
                        "This resource answers in application/json only."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(404).body(ProblemTypes.of(404, "no-such-resource", "Not found",
                "There is nothing at this path."));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "'" + e.getPropertyName() + "'";
        return ResponseEntity.badRequest().body(ProblemTypes.of(400, "invalid-request", "Invalid request",
                "The value of " + name + " has the wrong type."));
    }

    /** Any other framework error keeps Spring's status and text but gets a stable type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType() == null) {
            detail.setType(java.net.URI.create(ProblemTypes.PREFIX + "http-" + status.value()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(404).body(ProblemTypes.of(404, "no-such-resource", "Not found",
                "There is nothing at this path."));
    }
}
