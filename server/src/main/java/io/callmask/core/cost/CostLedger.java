package io.callmask.core.cost;

import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads calls with their legs for a period, the rented numbers, retailer names and the budget alerts table. */
@Repository
class CostLedger {

    /**
     * One call as the bill and the analytics see it: {@code day} is its creation day in the
     * reporting zone, {@code retailerId} the session's retailer party, if any; it was answered when
     * its callee picked up, and {@code talkSeconds} is the callee leg's duration once it ended.
     */
    record BilledCall(String id, String carrier, Instant createdAt, LocalDate day, String retailerId,
            List<LegUse> legs, boolean answered, int talkSeconds) {}

    /** Rows fetched at a time when a period's calls are read. */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    CostLedger(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL's driver reads a whole result into memory unless a fetch size is set and the
        // query runs inside a transaction (then it uses a cursor): both, so a year of calls streams.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Hands each call created in [from, to) to {@code each} as soon as its rows are read, so a
     * report holds sums, not the period's calls (rows come {@value #FETCH_SIZE} at a time). The day is computed by the database in
     * {@code zone} ({@code extract} on {@code at time zone} reads the local fields on H2 and
     * PostgreSQL alike; a cast to date would use H2's session zone instead).
     */
    void calls(Instant from, Instant to, ZoneId zone, Consumer<BilledCall> each) {
        Folder folder = new Folder(each);
        String z = zone.getId();
        readOnly.executeWithoutResult(tx -> streaming.sql("""
                        select c.id, c.carrier, c.direction, c.created_at,
                               extract(year from c.created_at at time zone ?) * 10000
                                 + extract(month from c.created_at at time zone ?) * 100
                                 + extract(day from c.created_at at time zone ?) as local_day,
                               (select max(p.external_id) from parties p
                                where p.session_id = c.session_id and p.role = 'retailer') as retailer_id,
                               l.leg, l.status, l.status_rank, l.answered_at, l.ended_at, l.duration_seconds
                        from calls c left join legs l on l.call_id = c.id
                        where c.created_at >= ? and c.created_at < ?
                        order by c.created_at, c.id""")
                .params(z, z, z, SqlTime.of(from), SqlTime.of(to))
                .query(folder::row));
        folder.flush();
    }

    /** Folds the rows of one call (one per leg, adjacent) into a {@link BilledCall}. */
    private static final class Folder {
        private final Consumer<BilledCall> each;
        private String id;
        private String carrier;
        private boolean dialIn;
        private Instant createdAt;
        private LocalDate day;
        private String retailerId;
        private final List<LegUse.Stored> legs = new ArrayList<>();

        Folder(Consumer<BilledCall> each) {
            this.each = each;
        }

        void row(ResultSet rs) throws SQLException {
            String rowId = rs.getString("id");
            if (!rowId.equals(id)) {
                flush();
                id = rowId;
                carrier = rs.getString("carrier");
                dialIn = "dial-in".equals(rs.getString("direction"));
                createdAt = SqlTime.read(rs, "created_at");
                int ymd = rs.getInt("local_day");
                day = LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
                retailerId = rs.getString("retailer_id");
            }
            String leg = rs.getString("leg");
            if (leg != null) {
                int duration = rs.getInt("duration_seconds");
                Integer durationSeconds = rs.wasNull() ? null : duration;
                legs.add(new LegUse.Stored("caller".equals(leg), "completed".equals(rs.getString("status")),
                        rs.getInt("status_rank") >= 4, SqlTime.read(rs, "answered_at"), SqlTime.read(rs, "ended_at"),
                        durationSeconds));
            }
        }

        void flush() {
            if (id == null) {
                return;
            }
            LegUse.Stored callee = legs.stream().filter(l -> !l.callerLeg()).findFirst().orElse(null);
            boolean answered = callee != null && (callee.answeredAt() != null || callee.completed());
            Integer talk = answered && callee.ended() ? callee.duration() : null;
            each.accept(new BilledCall(id, carrier, createdAt, day, retailerId, LegUse.of(dialIn, createdAt, legs),
                    answered, talk == null ? 0 : Math.max(0, talk)));
            id = null;
            legs.clear();
        }
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

    /** When the month's budget alert was first recorded, if it was. */
    Optional<Instant> budgetAlert(YearMonth month) {
        return jdbc.sql("select created_at from cost_budget_alerts where budget_month = ?").param(month.toString())
                .query((rs, n) -> SqlTime.read(rs, "created_at")).optional();
    }

    /** The directory's names of these retailers; ids it does not know are left out. */
    Map<String, String> retailerNames(Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from retailers where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getString("id"), rs.getString("name"));
                });
        return names;
    }
}
