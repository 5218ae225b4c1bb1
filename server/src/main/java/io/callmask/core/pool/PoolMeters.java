package io.callmask.core.pool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The pool as a metric, read from the database every {@code callmask.pool-metrics-interval} (30 s) off the
 * request path, so a scrape never waits for it: {@code callmask.pool.numbers} by state (in-use: active with at
 * least one open session routed through it; free; cooling-down; retired), {@code callmask.pool.in_use.peak} (the
 * most in use this instance has seen since it started), and {@code callmask.pool.shortfalls} by kind (short: a
 * party went to the hub for lack of a number; exhausted: not even a hub). Pool numbers only; hubs are counted
 * apart ({@code state} hub). The read counts distinct masked numbers in the routes table: one index scan.
 */
@Component
public class PoolMeters {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> byState = new ConcurrentHashMap<>();
    private final AtomicLong peak = new AtomicLong();

    PoolMeters(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        for (String state : new String[] {"in-use", "free", "cooling-down", "retired", "hub"}) {
            AtomicLong value = new AtomicLong();
            byState.put(state, value);
            Gauge.builder("callmask.pool.numbers", value, AtomicLong::get).tag("state", state)
                    .description("Pool numbers by state, as last read (every 30 s)").register(registry);
        }
        shortfalls("short");
        shortfalls("exhausted");
        Gauge.builder("callmask.pool.in_use.peak", peak, AtomicLong::get)
                .description("The most pool numbers in use at once that this instance has read since it started")
                .register(registry);
    }

    /** The pool could not serve a party: {@code kind} short (it went to the hub) or exhausted (refused). */
    public void shortfall(String kind) {
        shortfalls(kind).increment();
    }

    private Counter shortfalls(String kind) {
        return Counter.builder("callmask.pool.shortfalls")
                .description("Parties the pool could not give a number of their own").tag("kind", kind).register(registry);
    }

    /** Once the pool is seeded (the seeder runs after the scheduler starts), so a fresh start shows no zeros. */
    @EventListener(ApplicationReadyEvent.class)
    void readWhenReady() {
        read();
    }

    @Scheduled(fixedDelayString = "${callmask.pool-metrics-interval:30s}", initialDelay = 0)
    public void read() {
        try {
            long inUse = jdbc.sql("""
                            select count(*) from pool_numbers p where p.kind = 'pool' and p.state = 'active'
                              and p.number in (select distinct masked_number from routes)""")
                    .query(Long.class).single();
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.sql("select kind, state, count(*) as n from pool_numbers group by kind, state")
                    .query((rs, n) -> counts.merge(rs.getString("kind").equals("hub") ? "hub"
                            : rs.getString("state").replace('_', '-'), rs.getLong("n"), Long::sum)).list();
            byState.get("in-use").set(inUse);
            byState.get("free").set(counts.getOrDefault("active", 0L) - inUse);
            byState.get("cooling-down").set(counts.getOrDefault("cooling-down", 0L));
            byState.get("retired").set(counts.getOrDefault("retired", 0L));
            byState.get("hub").set(counts.getOrDefault("hub", 0L));
            peak.accumulateAndGet(inUse, Math::max);
        } catch (DataAccessException away) {
            // keep the last reading; callmask.database.up says why it is stale
        }
    }
}
