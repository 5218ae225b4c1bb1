package io.callmask.core.audit;

import io.callmask.core.storage.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit_log table: append-only. A caller writes the entry before it does what it audits, so
 * that no audited action goes unrecorded.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String targetId, String remoteAddress) {
        jdbc.sql("insert into audit_log (actor, action, target_id, at, remote_address) values (?, ?, ?, ?, ?)")
                .params(actor, action, targetId, SqlTime.of(clock.instant()), clip(remoteAddress))
                .update();
    }

    /** Entries at or after {@code since}, newest first, at most {@code limit}. */
    public List<AuditEntry> since(Instant since, int limit) {
        return jdbc.sql("""
                        select id, actor, action, target_id, at, remote_address from audit_log
                        where at >= ? order by at desc, id desc limit ?""")
                .params(SqlTime.of(since), limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target_id"), SqlTime.read(rs, "at"), rs.getString("remote_address")))
                .list();
    }

    private static String clip(String address) {
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }
}
