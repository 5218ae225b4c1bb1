package io.callmask.core.retention;

import io.callmask.core.directory.OrderStatus;
import io.callmask.core.directory.Orders;
import io.callmask.core.session.Sessions;
import io.callmask.core.pool.AllocationProperties;
import io.callmask.core.storage.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Purges real numbers: the sealed numbers of the parties of sessions that ended before the
 * cut-off (the rows, keyed hashes and call metadata stay for analytics), the sealed customer
 * phone of closed orders whose sessions all ended before it, and released pairs past both the
 * cool-down and the cut-off (their hashes keep a party's number stable with the same counterpart
 * until then). Each statement is keyed and idempotent; batches keep transactions short. The selections are this
 * step's own reads; the writes go through the tables' owners ({@link Sessions}, {@link Orders}).
 */
@Component
class NumbersStep implements RetentionStep {

    private static final int BATCH = 500;
    private static final List<String> CLOSED = OrderStatus.closedWire();

    private final JdbcClient jdbc;
    private final Sessions sessionStore;
    private final Orders orderStore;
    private final AllocationProperties allocation;
    private final Clock clock;

    NumbersStep(JdbcClient jdbc, Sessions sessionStore, Orders orderStore, AllocationProperties allocation, Clock clock) {
        this.jdbc = jdbc;
        this.sessionStore = sessionStore;
        this.orderStore = orderStore;
        this.allocation = allocation;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public int purge(Instant endedBefore) {
        return parties(endedBefore) + orders(endedBefore) + releasedPairs(endedBefore);
    }

    private int parties(Instant endedBefore) {
        int purged = 0;
        while (true) {
            List<String> sessions = jdbc.sql("""
                            select s.id from sessions s where s.ended_at < ?
                              and exists (select 1 from parties p where p.session_id = s.id and p.real_number_sealed is not null)
                            limit ?""")
                    .params(SqlTime.of(endedBefore), BATCH).query(String.class).list();
            for (String id : sessions) {
                purged += sessionStore.forgetPartyNumbers(id);
            }
            if (sessions.size() < BATCH) {
                return purged;
            }
        }
    }

    /** Closed orders untouched since the cut-off, none of whose sessions is open or ended after it. */
    private int orders(Instant endedBefore) {
        int purged = 0;
        while (true) {
            List<String> orders = jdbc.sql("""
                            select o.id from orders o
                            where o.customer_phone_sealed is not null and o.status in (:closed) and o.updated_at < :cut
                              and not exists (select 1 from sessions s where s.reference = o.id
                                              and (s.ended_at is null or s.ended_at >= :cut))
                            limit :batch""")
                    .param("closed", CLOSED).param("cut", SqlTime.of(endedBefore)).param("batch", BATCH)
                    .query(String.class).list();
            for (String id : orders) {
                purged += orderStore.forgetCustomerPhone(id);
            }
            if (orders.size() < BATCH) {
                return purged;
            }
        }
    }

    private int releasedPairs(Instant endedBefore) {
        Instant coolingSince = clock.instant().minus(allocation.coolDown());
        Instant before = coolingSince.isBefore(endedBefore) ? coolingSince : endedBefore;
        return sessionStore.forgetReleasedPairs(before);
    }
}
