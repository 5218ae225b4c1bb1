package io.callmask.core.abuse;

import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The abuse_alerts table. An alert's dedup key is unique, so a window raises at most one alert. */
@Repository
public class Alerts {

    private static final String SELECT = """
            select id, rule, retailer_id, session_id, call_id, detail, created_at, blocked_until from abuse_alerts
            """;

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the hit's alert unless its window already has one; empty then. Runs outside a
     * transaction: on PostgreSQL a duplicate key would abort the surrounding one.
     */
    Optional<Alert> insert(Hit hit, Instant now, Instant blockedUntil) {
        int inserted;
        try {
            inserted = jdbc.sql("""
                            insert into abuse_alerts (rule, retailer_id, session_id, call_id, detail, created_at,
                                blocked_until, subject, window_end, dedup_key)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                            where not exists (select 1 from abuse_alerts where dedup_key = ?)""")
                    .params(hit.rule().wire(), hit.retailerId(), hit.sessionId(), hit.callId(), hit.detail(),
                            SqlTime.of(now), SqlTime.of(blockedUntil), hit.subject(), SqlTime.of(hit.windowEnd()),
                            hit.dedupKey(), hit.dedupKey())
                    .update();
        } catch (DuplicateKeyException concurrentInsert) {
            return Optional.empty();
        }
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + "where dedup_key = ?").param(hit.dedupKey()).query(Alerts::alert).optional();
    }

    /** Where the rule's last alert for this retailer and subject stopped counting; null when none. */
    Instant lastWindowEnd(Rule rule, String retailerId, String subject) {
        return jdbc.sql("""
                        select max(window_end) as window_end from abuse_alerts
                        where retailer_id = ? and rule = ? and subject = ?""")
                .params(retailerId, rule.wire(), subject)
                .query((rs, n) -> SqlTime.read(rs, "window_end")).optional().orElse(null);
    }

    /** Newest first; null filters match everything. */
    public List<Alert> recent(String retailerId, Rule rule, Instant since, int limit) {
        String ruleName = rule == null ? null : rule.wire();
        return jdbc.sql(SELECT + """
                        where (cast(? as varchar(64)) is null or retailer_id = ?)
                          and (cast(? as varchar(32)) is null or rule = ?)
                          and (cast(? as timestamp with time zone) is null or created_at >= ?)
                        order by id desc
                        limit ?""")
                .params(retailerId, retailerId, ruleName, ruleName, SqlTime.of(since), SqlTime.of(since), limit)
                .query(Alerts::alert).list();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getString("rule"), rs.getString("retailer_id"),
                rs.getString("session_id"), rs.getString("call_id"), rs.getString("detail"),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "blocked_until"));
    }
}
