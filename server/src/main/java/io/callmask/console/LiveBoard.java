package io.callmask.console;

import io.callmask.core.storage.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the live page shows, read from the database each time: the open sessions (the latest to
 * expire first) and the most recent calls. Nothing here is kept in memory, so every instance
 * shows the same board whichever instance wrote the calls.
 */
@Component
class LiveBoard {

    static final int SESSIONS = 20;
    static final int CALLS = 20;

    private final JdbcClient jdbc;
    private final Parties parties;
    private final CallHistory history;
    private final Clock clock;

    LiveBoard(JdbcClient jdbc, Parties parties, CallHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.history = history;
        this.clock = clock;
    }

    /** An open session on the board; {@code expiresIn} is rounded to the minute so the board is steady. */
    record SessionRow(String id, String reference, String retailerId, PartyView first, PartyView second,
            String created, String expiresIn) {}

    /** The board; equal snapshots render equal pages, which is how the stream knows nothing changed. */
    record Snapshot(long openSessions, long callsLastHour, List<SessionRow> sessions, List<CallRow> calls) {}

    Snapshot snapshot() {
        Instant now = clock.instant();
        long open = jdbc.sql("select count(*) from sessions where status = 'open'").query(Long.class).single();
        // a range of the calls_by_time index (V12)
        long lastHour = jdbc.sql("select count(*) from calls where created_at >= ?")
                .param(SqlTime.of(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        List<String[]> rows = jdbc.sql("""
                        select id, reference, created_at, expires_at from sessions where status = 'open'
                        order by expires_at desc, id limit ?""")
                .param(SESSIONS)
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("reference"),
                        Display.time(SqlTime.read(rs, "created_at")), expiresIn(now, SqlTime.read(rs, "expires_at"))})
                .list();
        Map<String, Map<Integer, PartyView>> byId = parties.of(rows.stream().map(r -> r[0]).toList());
        List<SessionRow> sessions = rows.stream().map(r -> {
            Map<Integer, PartyView> two = byId.getOrDefault(r[0], Map.of());
            PartyView first = two.getOrDefault(0, PartyView.NONE);
            PartyView second = two.getOrDefault(1, PartyView.NONE);
            String retailer = "retailer".equals(first.role()) ? first.externalId()
                    : "retailer".equals(second.role()) ? second.externalId() : "";
            return new SessionRow(r[0], r[1], retailer, first, second, r[2], r[3]);
        }).toList();
        return new Snapshot(open, lastHour, sessions, history.page(CallFilter.NONE, 0, CALLS));
    }

    private static String expiresIn(Instant now, Instant expiresAt) {
        long minutes = Math.max(0, Duration.between(now, expiresAt).toMinutes());
        return minutes < 1 ? "< 1 min" : minutes < 120 ? minutes + " min" : (minutes / 60) + " h";
    }
}
