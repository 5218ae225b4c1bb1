package io.callmask.core.abuse;

import io.callmask.core.calling.CallService;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import io.callmask.core.session.Party;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionStatus;
import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a synthetic call log (sessions, parties, calls, legs, orders) straight into the tables,
 * with the timestamps a test chooses, as CallService and SessionService would have written it.
 */
final class CallLogBuilder {

    /** How a call went. */
    enum Outcome {
        /** The customer answered and they talked this long (see {@link #call}). */
        TALKED,
        /** The customer's phone rang out. */
        NO_ANSWER,
        BUSY,
        /** The retailer hung up while the customer's phone rang. */
        CANCELED,
        /** The retailer's own phone never answered, so the customer was never rung. */
        CALLER_NO_ANSWER,
        /** Still ringing or talking. */
        IN_PROGRESS
    }

    private static final AtomicInteger NEXT = new AtomicInteger();
    static final String MASKED_A = "+918047189001";
    static final String MASKED_B = "+918047189002";

    private final JdbcClient jdbc;
    private final NumberHashes hashes;
    private final NumberVault vault;

    CallLogBuilder(JdbcClient jdbc, NumberHashes hashes, NumberVault vault) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.vault = vault;
        for (String number : List.of(MASKED_A, MASKED_B)) {
            jdbc.sql("""
                            insert into pool_numbers (number, carrier, region, state, created_at)
                            select ?, 'twilio', 'IN', 'active', ? where not exists (select 1 from pool_numbers where number = ?)""")
                    .params(number, SqlTime.of(Instant.EPOCH), number).update();
        }
    }

    /** A fresh Indian mobile number, so tests never share a customer. */
    static String mobile() {
        return String.format("+9198%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    }

    /** A session for an order (reference) between a retailer and a customer; the retailer is position 0. */
    Session session(String retailerId, String retailerPhone, String customerPhone, String reference, Instant at) {
        String id = "ses_t" + NEXT.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into sessions (id, reference, status, created_at, expires_at)
                        values (?, ?, 'open', ?, ?)""")
                .params(id, reference, SqlTime.of(at), SqlTime.of(at.plusSeconds(30 * 24 * 3600))).update();
        party(id, 0, "retailer", retailerId, retailerPhone, MASKED_A);
        party(id, 1, "customer", "c-" + NEXT.get(), customerPhone, MASKED_B);
        return new Session(id, reference, null, SessionStatus.OPEN, at, at.plusSeconds(30 * 24 * 3600), null, List.of(
                new Party(0, "retailer", retailerId, PhoneNumber.ofE164(retailerPhone), PhoneNumber.ofE164(MASKED_A), false),
                new Party(1, "customer", "c-" + NEXT.get(), PhoneNumber.ofE164(customerPhone),
                        PhoneNumber.ofE164(MASKED_B), false)), false);
    }

    Session session(String retailerId, String customerPhone, Instant at) {
        return session(retailerId, mobile(), customerPhone, "order-" + NEXT.incrementAndGet(), at);
    }

    private void party(String sessionId, int position, String role, String externalId, String real, String masked) {
        jdbc.sql("""
                        insert into parties (session_id, position, role, external_id, real_number_hash,
                            real_number_sealed, masked_number)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(sessionId, position, role, externalId, hashes.of(PhoneNumber.ofE164(real)),
                        vault.seal(PhoneNumber.ofE164(real)), masked).update();
    }

    /** A click-to-call by the retailer at {@code at}; {@code talkedSeconds} counts only for TALKED. */
    String call(Session session, Instant at, Outcome outcome, int talkedSeconds) {
        return call(session, 0, at, outcome, talkedSeconds);
    }

    String call(Session session, Instant at, Outcome outcome) {
        return call(session, at, outcome, 0);
    }

    /** A call placed by the customer (position 1): no retailer placed it. */
    String callByCustomer(Session session, Instant at, Outcome outcome) {
        return call(session, 1, at, outcome, 0);
    }

    private String call(Session session, int callerPosition, Instant at, Outcome outcome, int talkedSeconds) {
        String id = "call_t" + NEXT.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        Party caller = session.party(callerPosition);
        jdbc.sql("""
                        insert into calls (id, session_id, direction, caller_position, placed_by_retailer, carrier, created_at)
                        values (?, ?, 'click-to-call', ?, ?, 'twilio', ?)""")
                .params(id, session.id(), callerPosition, RetailerParty.idOf(caller), SqlTime.of(at)).update();
        Instant rang = at.plusSeconds(5);
        switch (outcome) {
            case TALKED -> {
                leg(id, "caller", "completed", rang, rang.plusSeconds(talkedSeconds + 3), null);
                leg(id, "callee", "completed", rang.plusSeconds(3), rang.plusSeconds(talkedSeconds + 3), talkedSeconds);
            }
            case NO_ANSWER, BUSY, CANCELED -> {
                leg(id, "caller", "completed", rang, rang.plusSeconds(25), null);
                leg(id, "callee", outcome.name().toLowerCase().replace('_', '-'), null, rang.plusSeconds(20), 0);
            }
            case CALLER_NO_ANSWER -> leg(id, "caller", "no-answer", null, rang.plusSeconds(20), 0);
            case IN_PROGRESS -> {
                leg(id, "caller", "in-progress", rang, null, null);
                leg(id, "callee", "ringing", null, null, null);
            }
        }
        return id;
    }

    private void leg(String callId, String role, String status, Instant answeredAt, Instant endedAt, Integer duration) {
        int rank = switch (status) {
            case "ringing" -> 2;
            case "in-progress" -> 3;
            default -> 4;
        };
        jdbc.sql("""
                        insert into legs (carrier_sid, call_id, leg, status, status_rank, answered_at, ended_at,
                            duration_seconds, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("CA" + UUID.randomUUID().toString().replace("-", ""), callId, role, status, rank,
                        SqlTime.of(answeredAt), SqlTime.of(endedAt), duration,
                        SqlTime.of(endedAt == null ? Instant.now() : endedAt))
                .update();
    }

    /** A retailer and an order of it with this status ({@code placed}, {@code delivered}, …). */
    void order(String orderId, String retailerId, String customerPhone, String status, Instant at) {
        jdbc.sql("""
                        insert into retailers (id, name, phone_sealed, created_at, updated_at)
                        select ?, ?, ?, ?, ? where not exists (select 1 from retailers where id = ?)""")
                .params(retailerId, "Retailer " + retailerId, vault.seal(PhoneNumber.ofE164(mobile())), SqlTime.of(at),
                        SqlTime.of(at), retailerId)
                .update();
        jdbc.sql("""
                        insert into orders (id, retailer_id, customer_phone_sealed, customer_phone_hash, status,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, retailerId, vault.seal(PhoneNumber.ofE164(customerPhone)),
                        hashes.of(PhoneNumber.ofE164(customerPhone)), status, SqlTime.of(at), SqlTime.of(at)).update();
    }
}
