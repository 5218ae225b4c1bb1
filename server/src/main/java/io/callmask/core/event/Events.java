package io.callmask.core.event;

import io.callmask.core.storage.SqlTime;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The events table: rejected dial-ins, pool shortages, failed carrier requests. */
@Repository
public class Events {

    private final JdbcClient jdbc;
    private final Clock clock;

    Events(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records in its own transaction, so the event survives when the request's work rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String type, String sessionId, String callId, String detail) {
        jdbc.sql("insert into events (type, session_id, call_id, detail, created_at) values (?, ?, ?, ?, ?)")
                .params(type, sessionId, callId, detail, SqlTime.of(clock.instant()))
                .update();
    }

    /** Newest first; {@code type} may be null for all. */
    public List<Event> recent(String type, String sessionId, int limit) {
        return jdbc.sql("""
                        select id, type, session_id, call_id, detail, created_at from events
                        where (cast(? as varchar(64)) is null or type = ?)
                          and (cast(? as varchar(40)) is null or session_id = ?)
                        order by id desc
                        limit ?""")
                .params(type, type, sessionId, sessionId, limit)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getString("type"), rs.getString("session_id"),
                        rs.getString("call_id"), rs.getString("detail"), SqlTime.read(rs, "created_at")))
                .list();
    }
}
