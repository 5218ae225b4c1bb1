package io.callmask.console;

import io.callmask.core.event.Event;
import io.callmask.core.event.Events;
import io.callmask.core.pool.AllocationProperties;
import io.callmask.core.storage.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pool as operators need to see it: every rented number with how many open sessions hold it,
 * how many parties may not get it again yet (the cool-down), and the shortfalls the allocator
 * reported ({@code pool.short}: a party sent to the hub because the pool was too small;
 * {@code pool.exhausted}: not even a hub). Pool and hub numbers are the platform's own and shown.
 */
@Component
class PoolStatus {

    private final JdbcClient jdbc;
    private final Events events;
    private final AllocationProperties allocation;
    private final Clock clock;

    PoolStatus(JdbcClient jdbc, Events events, AllocationProperties allocation, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.allocation = allocation;
        this.clock = clock;
    }

    /** One number; {@code openSessions} counts sessions routed through it (hub routes for a hub). */
    record NumberRow(String number, String kind, String carrier, String region, String state, long openSessions,
            long coolingPairs) {}

    record Shortfall(String type, String created, String detail) {}

    record Status(List<NumberRow> numbers, long poolNumbers, long inUse, long coolingDown, long hubs,
            long shortfalls24h, List<Shortfall> shortfalls, String coolDown) {}

    Status read() {
        Instant now = clock.instant();
        List<NumberRow> numbers = jdbc.sql("""
                        select p.number, p.kind, p.carrier, p.region, p.state,
                               (select count(*) from routes r where r.masked_number = p.number)
                             + (select count(*) from hub_routes h where h.hub_number = p.number) as open_sessions,
                               (select count(*) from released_pairs x
                                where x.masked_number = p.number and x.released_at > ?) as cooling
                        from pool_numbers p order by p.kind desc, p.number""")
                .param(SqlTime.of(now.minus(allocation.coolDown())))
                .query((rs, n) -> new NumberRow(rs.getString("number"), rs.getString("kind"), rs.getString("carrier"),
                        rs.getString("region"), rs.getString("state").replace('_', '-'), rs.getLong("open_sessions"),
                        rs.getLong("cooling")))
                .list();
        List<NumberRow> pool = numbers.stream().filter(n -> "pool".equals(n.kind())).toList();
        long shortfalls = jdbc.sql("""
                        select count(*) from events where type in ('pool.short', 'pool.exhausted') and created_at >= ?""")
                .param(SqlTime.of(now.minus(Duration.ofHours(24)))).query(Long.class).single();
        List<Shortfall> recent = new ArrayList<>();
        for (String type : List.of("pool.short", "pool.exhausted")) {
            for (Event e : events.recent(type, null, 20)) {
                recent.add(new Shortfall(e.type(), Display.time(e.createdAt()), e.detail()));
            }
        }
        recent.sort(Comparator.comparing(Shortfall::created).reversed());
        return new Status(numbers, pool.size(), pool.stream().filter(n -> n.openSessions() > 0).count(),
                pool.stream().filter(n -> n.coolingPairs() > 0 || "cooling-down".equals(n.state())).count(),
                numbers.size() - pool.size(), shortfalls, recent.stream().limit(20).toList(),
                humanize(allocation.coolDown()));
    }

    private static String humanize(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
