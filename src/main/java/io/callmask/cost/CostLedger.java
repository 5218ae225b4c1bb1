package io.callmask.cost;

import io.callmask.storage.SqlTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads calls with their legs for a period, the rented numbers, and the budget alerts table. */
@Repository
class CostLedger {

    /** One call as the bill sees it; {@code retailerId} is the session's retailer party, if any. */
    record BilledCall(String id, String carrier, Instant createdAt, String retailerId, List<LegUse> legs) {}

    private record Row(String id, String carrier, boolean dialIn, Instant createdAt, String retailerId,
            List<LegUse.Stored> legs) {}

    private final JdbcClient jdbc;

    CostLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Calls created in [from, to). */
    List<BilledCall> calls(Instant from, Instant to) {
        Map<String, Row> calls = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.carrier, c.direction, c.created_at,
                               (select max(p.external_id) from parties p
                                where p.session_id = c.session_id and p.role = 'retailer') as retailer_id,
                               l.leg, l.status, l.status_rank, l.answered_at, l.ended_at, l.duration_seconds
                        from calls c left join legs l on l.call_id = c.id
                        where c.created_at >= ? and c.created_at < ?
                        order by c.created_at, c.id""")
                .params(SqlTime.of(from), SqlTime.of(to))
                .query(rs -> {
                    String id = rs.getString("id");
                    Row call = calls.get(id);
                    if (call == null) {
                        call = new Row(id, rs.getString("carrier"), "dial-in".equals(rs.getString("direction")),
                                SqlTime.read(rs, "created_at"), rs.getString("retailer_id"), new ArrayList<>());
                        calls.put(id, call);
                    }
                    String leg = rs.getString("leg");
                    if (leg != null) {
                        int duration = rs.getInt("duration_seconds");
                        Integer durationSeconds = rs.wasNull() ? null : duration;
                        call.legs().add(new LegUse.Stored("caller".equals(leg),
                                "completed".equals(rs.getString("status")), rs.getInt("status_rank") >= 4,
                                SqlTime.read(rs, "answered_at"), SqlTime.read(rs, "ended_at"), durationSeconds));
                    }
                });
        return calls.values().stream().map(r -> new BilledCall(r.id(), r.carrier(), r.createdAt(), r.retailerId(),
                LegUse.of(r.dialIn(), r.createdAt(), r.legs()))).toList();
    }

    /** Numbers callmask rents (pool and hubs, not retired), per carrier. */
    Map<String, Integer> rentedNumbers() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select carrier, count(*) as n from pool_numbers where state <> 'retired' group by carrier order by carrier")
                .query(rs -> {
                    counts.put(rs.getString("carrier"), rs.getInt("n"));
                });
        return counts;
    }

    /** True the first time a month is marked, on any instance. Runs outside a transaction. */
    boolean markBudgetAlert(YearMonth month, Instant now) {
        try {
            return jdbc.sql("""
                            insert into cost_budget_alerts (budget_month, created_at)
                            select ?, ? where not exists (select 1 from cost_budget_alerts where budget_month = ?)""")
                    .params(month.toString(), SqlTime.of(now), month.toString())
                    .update() == 1;
        } catch (DuplicateKeyException concurrentInsert) {
            return false;
        }
    }
}
