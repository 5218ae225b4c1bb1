package io.callmask.console;

import io.callmask.core.call.Call;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.cost.Money;
import io.callmask.core.cost.Pricing;
import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls for the console, newest first, with their session's reference, retailer and parties.
 * A call's status is not stored but derived from its legs ({@link Call#status()}); the SQL below
 * derives it the same way so that the status filter runs in the database, and the row shows the
 * Java derivation, priced with {@link Pricing} like the API.
 */
@Repository
class CallHistory {

    /** One row per call: a call has at most one caller leg and one callee leg. */
    private static final String CALLS = """
            select c.id, c.session_id, c.direction, c.caller_position, c.carrier, c.failure_reason, c.created_at,
                   s.reference,
                   (select max(p.external_id) from parties p
                    where p.session_id = c.session_id and p.role = 'retailer') as retailer_id,
                   cr.carrier_sid as cr_sid, cr.status as cr_status, cr.answered_at as cr_answered,
                   cr.ended_at as cr_ended, cr.duration_seconds as cr_duration,
                   ce.carrier_sid as ce_sid, ce.status as ce_status, ce.answered_at as ce_answered,
                   ce.ended_at as ce_ended, ce.duration_seconds as ce_duration,
                   case when ce.status is not null then
                          case when ce.status_rank < 4 and cr.status_rank = 4
                               then case when ce.status = 'in-progress' then 'completed' else 'canceled' end
                               else ce.status end
                        when cr.status is not null then cr.status
                        when c.failure_reason is null then 'queued'
                        else 'failed' end as call_status
            from calls c
            join sessions s on s.id = c.session_id
            left join legs cr on cr.call_id = c.id and cr.leg = 'caller'
            left join legs ce on ce.call_id = c.id and ce.leg = 'callee'
            """;

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Pricing pricing;

    CallHistory(JdbcClient jdbc, Parties parties, Pricing pricing) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.pricing = pricing;
    }

    /** One page of the filtered calls, newest first. */
    List<CallRow> page(CallFilter filter, int offset, int limit) {
        Query q = where(filter, null);
        List<Object> params = new ArrayList<>(q.params);
        params.add(limit);
        params.add(offset);
        return rows(jdbc.sql("select * from (" + CALLS + q.inner + ") x" + q.outer
                + " order by x.created_at desc, x.id desc limit ? offset ?").params(params));
    }

    /** Up to {@code limit} filtered calls older than {@code after} (newest first); keyset, not offset. */
    private List<CallRow> after(CallFilter filter, CallRow after, int limit) {
        Query q = where(filter, after);
        List<Object> params = new ArrayList<>(q.params);
        params.add(limit);
        return rows(jdbc.sql("select * from (" + CALLS + q.inner + ") x" + q.outer
                + " order by x.created_at desc, x.id desc limit ?").params(params));
    }

    long count(CallFilter filter) {
        Query q = where(filter, null);
        return jdbc.sql("select count(*) from (" + CALLS + q.inner + ") x" + q.outer).params(q.params)
                .query(Long.class).single();
    }

    /** Every filtered call, newest first, a chunk at a time, for the CSV export. */
    void forEach(CallFilter filter, int max, Consumer<CallRow> sink) {
        int chunk = 500;
        CallRow last = null;
        for (int done = 0; done < max; ) {
            int size = Math.min(chunk, max - done);
            List<CallRow> rows = after(filter, last, size);
            rows.forEach(sink);
            done += rows.size();
            if (rows.size() < size) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    private record Query(String inner, String outer, List<Object> params) {}

    /** Conditions on stored columns go inside (indexes serve them); the derived status outside. */
    private static Query where(CallFilter f, CallRow after) {
        List<String> inner = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (after != null) {
            inner.add("(c.created_at < ? or (c.created_at = ? and c.id < ?))");
            params.add(SqlTime.of(after.createdAt()));
            params.add(SqlTime.of(after.createdAt()));
            params.add(after.id());
        }
        if (f.retailerId() != null) {
            inner.add("exists (select 1 from parties p where p.session_id = c.session_id"
                    + " and p.role = 'retailer' and p.external_id = ?)");
            params.add(f.retailerId());
        }
        if (f.reference() != null) {
            inner.add("s.reference = ?");
            params.add(f.reference());
        }
        if (f.from() != null) {
            inner.add("c.created_at >= ?");
            params.add(SqlTime.of(f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.to() != null) {
            inner.add("c.created_at < ?");
            params.add(SqlTime.of(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        String outer = "";
        if (f.status() != null) {
            outer = " where x.call_status = ?";
            params.add(f.status());
        }
        return new Query(inner.isEmpty() ? "" : "where " + String.join(" and ", inner), outer, params);
    }

    private List<CallRow> rows(JdbcClient.StatementSpec statement) {
        List<Read> read = statement.query(CallHistory::read).list();
        LinkedHashSet<String> sessions = new LinkedHashSet<>();
        read.forEach(r -> sessions.add(r.call.sessionId()));
        Map<String, Map<Integer, PartyView>> partiesBySession = parties.of(sessions);
        return read.stream().map(r -> {
            Map<Integer, PartyView> two = partiesBySession.getOrDefault(r.call.sessionId(), Map.of());
            int callerAt = r.call.callerPosition();
            PartyView caller = two.getOrDefault(callerAt, PartyView.NONE);
            PartyView callee = two.values().stream().filter(p -> p != caller).findFirst().orElse(PartyView.NONE);
            String cost = pricing.price(r.call.carrier(), r.call.legUses()).map(CallHistory::money).orElse("");
            return new CallRow(r.call.id(), r.call.createdAt(), r.call.direction().wire(), r.call.status().wire(),
                    r.retailerId, r.reference, caller, callee, r.call.durationSeconds(), cost,
                    r.call.failureReason());
        }).toList();
    }

    private record Read(Call call, String reference, String retailerId) {}

    private static Read read(ResultSet rs, int row) throws SQLException {
        List<Leg> legs = new ArrayList<>(2);
        leg(rs, "cr", Leg.Role.CALLER, legs);
        leg(rs, "ce", Leg.Role.CALLEE, legs);
        Call call = new Call(rs.getString("id"), rs.getString("session_id"),
                "dial-in".equals(rs.getString("direction")) ? Call.Direction.DIAL_IN : Call.Direction.CLICK_TO_CALL,
                rs.getInt("caller_position"), rs.getString("carrier"), rs.getString("failure_reason"),
                SqlTime.read(rs, "created_at"), legs);
        return new Read(call, rs.getString("reference"), rs.getString("retailer_id"));
    }

    private static void leg(ResultSet rs, String prefix, Leg.Role role, List<Leg> legs) throws SQLException {
        String sid = rs.getString(prefix + "_sid");
        if (sid == null) {
            return;
        }
        int duration = rs.getInt(prefix + "_duration");
        Integer seconds = rs.wasNull() ? null : duration;
        legs.add(new Leg(sid, role, LegStatus.fromWire(rs.getString(prefix + "_status")).orElseThrow(),
                SqlTime.read(rs, prefix + "_answered"), SqlTime.read(rs, prefix + "_ended"), seconds));
    }

    static String money(Money money) {
        return money.currency() + " " + money.amount().toPlainString();
    }
}
