package io.callmask.core.call;

import io.callmask.core.storage.Database;
import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calls, legs and leg_events tables. Status reports are applied by one conditional update,
 * so repeats and out-of-order deliveries converge on the same final state.
 */
@Repository
public class Calls {

    private static final String SELECT = """
            select c.id, c.session_id, c.direction, c.caller_position, c.carrier, c.failure_reason, c.created_at,
                   l.carrier_sid, l.leg, l.status, l.answered_at, l.ended_at, l.duration_seconds
            from calls c left join legs l on l.call_id = c.id
            """;

    private final JdbcClient jdbc;
    private final Database database;

    Calls(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** {@code placedByRetailer}: the retailer id when the caller is the session's retailer party, else null. */
    public void insert(String id, String sessionId, Call.Direction direction, int callerPosition, String placedByRetailer,
            String carrier, Instant now) {
        jdbc.sql("""
                        insert into calls (id, session_id, direction, caller_position, placed_by_retailer, carrier,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sessionId, direction.wire(), callerPosition, placedByRetailer, carrier, SqlTime.of(now))
                .update();
    }

    /**
     * A dial-in's call and its caller's leg, in one round trip on PostgreSQL; a leg with this carrier
     * id already there (a retried webhook) fails with a duplicate key and writes neither.
     */
    public void insertDialIn(String id, String sessionId, int callerPosition, String placedByRetailer, String carrier,
            String carrierSid, Instant now) {
        if (database == Database.POSTGRESQL) {
            jdbc.sql("""
                            with call as (
                                insert into calls (id, session_id, direction, caller_position, placed_by_retailer,
                                    carrier, created_at)
                                values (?, ?, ?, ?, ?, ?, ?) returning id)
                            insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
                            select ?, id, ?, ?, ?, ? from call""")
                    .params(id, sessionId, Call.Direction.DIAL_IN.wire(), callerPosition, placedByRetailer, carrier,
                            SqlTime.of(now), carrierSid, Leg.Role.CALLER.wire(), LegStatus.RINGING.wire(),
                            LegStatus.RINGING.rank(), SqlTime.of(now))
                    .update();
            return;
        }
        insert(id, sessionId, Call.Direction.DIAL_IN, callerPosition, placedByRetailer, carrier, now);
        insertLeg(id, Leg.Role.CALLER, carrierSid, LegStatus.RINGING, now);
    }

    public void fail(String id, String reason) {
        jdbc.sql("update calls set failure_reason = ? where id = ?").params(reason, id).update();
    }

    /** Creates a leg; a leg with this carrier id already there fails with a duplicate key. */
    public void insertLeg(String callId, Leg.Role role, String carrierSid, LegStatus status, Instant now) {
        jdbc.sql("""
                        insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(carrierSid, callId, role.wire(), status.wire(), status.rank(), SqlTime.of(now))
                .update();
    }

    /**
     * Creates the leg unless it exists or its call does not; safe against a concurrent callback
     * creating it first, also inside a transaction (on PostgreSQL a failed insert would abort it).
     */
    public void ensureLeg(String callId, Leg.Role role, String carrierSid, Instant now) {
        if (database == Database.POSTGRESQL) {
            jdbc.sql("""
                            insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
                            select ?, ?, ?, 'queued', 0, ? where exists (select 1 from calls where id = ?)
                            on conflict do nothing""")
                    .params(carrierSid, callId, role.wire(), SqlTime.of(now), callId)
                    .update();
            return;
        }
        try {
            jdbc.sql("""
                            insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
                            select ?, ?, ?, 'queued', 0, ?
                            where not exists (select 1 from legs where carrier_sid = ?)
                              and exists (select 1 from calls where id = ?)""")
                    .params(carrierSid, callId, role.wire(), SqlTime.of(now), carrierSid, callId)
                    .update();
        } catch (DuplicateKeyException concurrentInsert) {
            // The other request created it; the report below applies to it all the same.
        }
    }

    /** What a status report did to its leg. */
    public enum Applied {
        /** The leg's status moved up its rank to the reported one. */
        ADVANCED,
        /** A repeat or a late arrival: the status stayed (times and duration may have been filled in). */
        KEPT,
        /** The call has no such leg: nothing was written. */
        NO_LEG
    }

    /**
     * Applies a status report to the call's leg and keeps it in the leg's history: the status moves
     * only up its rank; answered time, end time and duration are kept from the first report that
     * knew them. One update when the status moves (the usual case), a second for a repeat.
     */
    public Applied report(String callId, String carrierSid, LegStatus status, Integer sequenceNumber,
            Instant answeredAt, Integer duration, Instant now) {
        Instant endedAt = status.terminal() ? now : null;
        int advanced = jdbc.sql("""
                        update legs set status = ?, status_rank = ?,
                            answered_at = coalesce(answered_at, ?),
                            ended_at = coalesce(ended_at, ?),
                            duration_seconds = coalesce(duration_seconds, ?),
                            updated_at = ?
                        where carrier_sid = ? and call_id = ? and status_rank < ?""")
                .params(status.wire(), status.rank(), SqlTime.of(answeredAt), SqlTime.of(endedAt), duration,
                        SqlTime.of(now), carrierSid, callId, status.rank())
                .update();
        Applied applied = Applied.ADVANCED;
        if (advanced == 0) {
            int kept = jdbc.sql("""
                            update legs set
                                answered_at = coalesce(answered_at, ?),
                                ended_at = coalesce(ended_at, ?),
                                duration_seconds = coalesce(duration_seconds, ?),
                                updated_at = ?
                            where carrier_sid = ? and call_id = ?""")
                    .params(SqlTime.of(answeredAt), SqlTime.of(endedAt), duration, SqlTime.of(now), carrierSid, callId)
                    .update();
            if (kept == 0) {
                return Applied.NO_LEG;
            }
            applied = Applied.KEPT;
        }
        jdbc.sql("insert into leg_events (carrier_sid, status, sequence_number, received_at) values (?, ?, ?, ?)")
                .params(carrierSid, status.wire(), sequenceNumber, SqlTime.of(now))
                .update();
        return applied;
    }

    /** A primary-key check, for status callbacks that only need to know the call is ours. */
    public boolean exists(String id) {
        return jdbc.sql("select count(*) from calls where id = ?").param(id).query(Integer.class).single() > 0;
    }

    public Optional<Call> find(String id) {
        return read(jdbc.sql(SELECT + "where c.id = ? order by l.leg").param(id)).stream().findFirst();
    }

    /** The call that has a leg with this carrier id, with all its legs; one round trip. */
    public Optional<Call> findByLegSid(String carrierSid) {
        return read(jdbc.sql(SELECT + "where c.id = (select call_id from legs where carrier_sid = ?) order by l.leg")
                .param(carrierSid)).stream().findFirst();
    }

    /** Newest first. */
    public List<Call> findBySession(String sessionId, int limit) {
        return read(jdbc.sql(SELECT + """
                        where c.id in (select id from calls where session_id = ? order by created_at desc, id limit ?)
                        order by c.created_at desc, c.id, l.leg""")
                .params(sessionId, limit));
    }

    /** The history of one leg's status reports, as received. */
    public List<String> history(String carrierSid) {
        return jdbc.sql("select status from leg_events where carrier_sid = ? order by id")
                .param(carrierSid).query(String.class).list();
    }

    private static List<Call> read(JdbcClient.StatementSpec statement) {
        Map<String, Call> calls = new LinkedHashMap<>();
        statement.query((ResultSet rs) -> {
            Call call = calls.computeIfAbsent(rs.getString("id"), id -> call(rs));
            if (rs.getString("carrier_sid") != null) {
                call.legs().add(leg(rs));
            }
        });
        return calls.values().stream().map(c -> new Call(c.id(), c.sessionId(), c.direction(), c.callerPosition(),
                c.carrier(), c.failureReason(), c.createdAt(), List.copyOf(c.legs()))).toList();
    }

    private static Call call(ResultSet rs) {
        try {
            return new Call(rs.getString("id"), rs.getString("session_id"),
                    Call.Direction.fromWire(rs.getString("direction")), rs.getInt("caller_position"),
                    rs.getString("carrier"), rs.getString("failure_reason"), SqlTime.read(rs, "created_at"),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Leg leg(ResultSet rs) throws SQLException {
        Instant answeredAt = SqlTime.read(rs, "answered_at");
        Instant endedAt = SqlTime.read(rs, "ended_at");
        int duration = rs.getInt("duration_seconds");
        return new Leg(rs.getString("carrier_sid"), Leg.Role.valueOf(rs.getString("leg").toUpperCase()),
                LegStatus.fromWire(rs.getString("status")).orElseThrow(), answeredAt, endedAt,
                rs.wasNull() ? null : duration);
    }
}
