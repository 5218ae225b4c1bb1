package io.callmask.core.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the database a trivial question every {@code callmask.database-check-interval} (5 s), so that an operator
 * sees it go away and come back: the gauge {@code callmask.database.up} (1 or 0) and one log line per change. The
 * readiness probe asks the database itself; this is what the metrics and alerts read.
 */
@Component
public class DatabaseWatch {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    private final JdbcClient jdbc;
    private final AtomicBoolean up = new AtomicBoolean(true);

    DatabaseWatch(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("callmask.database.up", up, u -> u.get() ? 1 : 0)
                .description("1 while this instance's last check reached the database, else 0").register(registry);
    }

    public boolean up() {
        return up.get();
    }

    @Scheduled(fixedDelayString = "${callmask.database-check-interval:5s}",
            initialDelayString = "${callmask.database-check-interval:5s}")
    public void check() {
        boolean reached;
        try {
            reached = jdbc.sql("select 1").query(Integer.class).single() == 1;
        } catch (DataAccessException e) {
            reached = false;
        }
        if (up.getAndSet(reached) != reached) {
            if (reached) {
                log.warn("The database answers again");
            } else {
                log.error("The database does not answer: dial-ins hear the unavailable message, status reports are "
                        + "kept in the journal, the API answers 503");
            }
        }
    }
}
