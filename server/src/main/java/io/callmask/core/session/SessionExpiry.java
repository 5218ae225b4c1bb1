package io.callmask.core.session;

import io.callmask.core.directory.OrderClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends sessions on schedule and when their order closes. Expiry is a conditional update, so
 * several instances running it at once end each session exactly once.
 */
@Component
class SessionExpiry {

    private static final Logger log = LoggerFactory.getLogger(SessionExpiry.class);

    private final SessionService sessions;

    SessionExpiry(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${callmask.session.expiry-interval}",
            initialDelayString = "${callmask.session.expiry-interval}")
    void expireDue() {
        int expired = sessions.expireDue();
        if (expired > 0) {
            log.info("Expired {} session(s)", expired);
        }
    }

    @EventListener
    void orderClosed(OrderClosed event) {
        sessions.closeAll(event.orderId());
    }
}
