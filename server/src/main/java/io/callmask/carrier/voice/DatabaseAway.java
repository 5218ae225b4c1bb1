package io.callmask.carrier.voice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Every carrier webhook's answer while the database is unreachable, written once: a caller hears a polite message
 * ({@link VoiceFlow#unavailable()}) in the carrier's markup instead of the carrier's "application error". A leg
 * status report never gets here: {@link VoiceFlow} keeps it in the {@code ReportJournal} on local disk and
 * acknowledges it. Anything else (a recording callback, or a report the journal could not take) gets 503 with
 * {@code Retry-After}, so the failure is visible to the carrier, which retries where it can (Twilio's callback
 * URLs ask it to). Nothing was committed in any case.
 */
@RestControllerAdvice(assignableTypes = VoiceWebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseAway {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final VoiceFlow flow;

    DatabaseAway(VoiceFlow flow) {
        this.flow = flow;
    }

    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            // the connection died mid-transaction (e.g. during the rollback): nothing was committed
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<?> databaseUnavailable(Exception e, HandlerMethod handler) {
        log.error("Database unavailable during a webhook ({}.{}: {})", handler.getBeanType().getSimpleName(),
                handler.getMethod().getName(), e.getClass().getSimpleName());
        if (handler.hasMethodAnnotation(AnswersCaller.class) && handler.getBean() instanceof VoiceWebhookController c) {
            return c.answer(flow.unavailable());
        }
        WebhookMeter.report("unavailable");
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
