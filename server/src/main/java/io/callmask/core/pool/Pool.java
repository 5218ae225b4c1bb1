package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The pool_numbers table. Its rows are also kept in memory, read again every
 * {@value #NUMBERS_REFRESH_SECONDS} s off the request path: every dial-in asks who owns the
 * dialled number and every new session chooses among the active ones, while a number is added or
 * changes owner only when an instance starts with new configuration, so another instance's change
 * is seen here within that time. A number not in the copy is looked up in the table, and kept.
 */
@Repository
public class Pool {

    static final int NUMBERS_REFRESH_SECONDS = 10;

    private final JdbcClient jdbc;
    /** Every number as last read; null until the first read and after a change here. */
    private volatile Numbers numbers;
    /** Counts changes made here, so that a read which overlapped one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    Pool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows by number, and the active pool and hub numbers in number order. */
    private record Numbers(Map<String, PoolNumber> byNumber, List<PoolNumber> pool, List<PoolNumber> hubs) {

        static Numbers of(Collection<PoolNumber> rows) {
            Map<String, PoolNumber> byNumber = new HashMap<>();
            List<PoolNumber> pool = new ArrayList<>();
            List<PoolNumber> hubs = new ArrayList<>();
            for (PoolNumber n : rows) {
                byNumber.put(n.number().e164(), n);
                if (n.state() == PoolNumber.State.ACTIVE) {
                    (n.kind() == PoolNumber.Kind.POOL ? pool : hubs).add(n);
                }
            }
            Comparator<PoolNumber> order = Comparator.comparing(n -> n.number().e164());
            pool.sort(order);
            hubs.sort(order);
            return new Numbers(Map.copyOf(byNumber), List.copyOf(pool), List.copyOf(hubs));
        }
    }

    /** Adds a number if it is not there yet; returns true when added. */
    boolean addIfAbsent(PhoneNumber number, PoolNumber.Kind kind, String carrier, String region, Instant now) {
        try {
            return insertIfAbsent(number, kind, carrier, region, now);
        } catch (DuplicateKeyException anotherInstanceSeededIt) {
            return false;
        } finally {
            forget(); // after the write: a read that overlapped it is not kept
        }
    }

    /**
     * Gives a number to another carrier (configuration says who owns it). Calls already made keep
     * the carrier that made them; only new calls on this number go through the new owner.
     */
    boolean reassign(PhoneNumber number, String carrier) {
        try {
            return jdbc.sql("update pool_numbers set carrier = ? where number = ? and carrier <> ?")
                    .params(carrier, number.e164(), carrier).update() == 1;
        } finally {
            forget();
        }
    }

    /** The carrier that owns one of our numbers; empty when the number is not ours. */
    public Optional<String> carrierOf(PhoneNumber number) {
        PoolNumber row = numbers().byNumber().get(number.e164());
        if (row != null) {
            return Optional.of(row.carrier());
        }
        long before = changes.get();
        Optional<PoolNumber> read = jdbc.sql(SELECT + " where number = ?").param(number.e164()).query(Pool::row)
                .optional();
        read.ifPresent(n -> remember(before, n));
        return read.map(PoolNumber::carrier);
    }

    private synchronized void remember(long changesBefore, PoolNumber number) {
        if (changes.get() == changesBefore && numbers != null) {
            Map<String, PoolNumber> more = new HashMap<>(numbers.byNumber());
            more.put(number.number().e164(), number);
            numbers = Numbers.of(more.values());
        }
    }

    @Scheduled(initialDelay = 0, fixedDelay = NUMBERS_REFRESH_SECONDS, timeUnit = TimeUnit.SECONDS)
    void readNumbers() {
        read();
    }

    /** The copy in memory, read first if there is none. */
    private Numbers numbers() {
        Numbers known = numbers;
        return known != null ? known : read();
    }

    private Numbers read() {
        long before = changes.get();
        Numbers read = Numbers.of(jdbc.sql(SELECT).query(Pool::row).list());
        synchronized (this) {
            if (changes.get() == before) {
                numbers = read;
            }
        }
        return read;
    }

    private synchronized void forget() {
        changes.incrementAndGet();
        numbers = null;
    }

    private static final String SELECT = "select number, carrier, region, state, kind from pool_numbers";

    private static PoolNumber row(ResultSet rs, int n) throws SQLException {
        return new PoolNumber(PhoneNumber.ofE164(rs.getString("number")), rs.getString("carrier"),
                rs.getString("region"), PoolNumber.State.valueOf(rs.getString("state").toUpperCase()),
                PoolNumber.Kind.valueOf(rs.getString("kind").toUpperCase()));
    }

    private boolean insertIfAbsent(PhoneNumber number, PoolNumber.Kind kind, String carrier, String region,
            Instant now) {
        return jdbc.sql("""
                        insert into pool_numbers (number, kind, carrier, region, state, created_at)
                        select ?, ?, ?, ?, 'active', ? where not exists (select 1 from pool_numbers where number = ?)""")
                .params(number.e164(), kind.name().toLowerCase(), carrier, region, SqlTime.of(now), number.e164())
                .update() == 1;
    }

    /** Whether the number is one of ours (pool or hub, any state); from the copy in memory when it is there. */
    public boolean contains(PhoneNumber number) {
        return carrierOf(number).isPresent();
    }

    public List<PoolNumber> all() {
        return jdbc.sql(SELECT + " order by number").query(Pool::row).list();
    }

    /**
     * What these real numbers (by keyed hash) hold, in one round trip: the one-to-one numbers of
     * their open sessions, how many open sessions they have on hubs, and the pairs they released.
     * A hash that holds nothing is missing from the answer.
     */
    Map<String, Holdings> holdingsOf(List<String> hashes) {
        String in = String.join(", ", Collections.nCopies(hashes.size(), "?"));
        List<Object> params = new ArrayList<>(hashes);
        params.addAll(hashes);
        params.addAll(hashes);
        Map<String, Holdings.Builder> read = new HashMap<>();
        jdbc.sql("""
                        select 'r' as kind, real_number_hash as hash, masked_number as number,
                               cast(null as varchar(64)) as counterpart, cast(null as timestamp with time zone) as at,
                               1 as n
                        from routes where real_number_hash in (%1$s)
                        union all
                        select 'h', real_number_hash, null, null, null, open_sessions
                        from hub_loads where real_number_hash in (%1$s)
                        union all
                        select 'x', real_number_hash, masked_number, counterpart_hash, released_at, 1
                        from released_pairs where real_number_hash in (%1$s)""".formatted(in))
                .params(params)
                .query((ResultSet rs) -> {
                    Holdings.Builder h = read.computeIfAbsent(rs.getString("hash"), k -> new Holdings.Builder());
                    switch (rs.getString("kind")) {
                        case "r" -> h.held(rs.getString("number"));
                        case "h" -> h.onHubs(rs.getInt("n"));
                        default -> h.released(rs.getString("number"), rs.getString("counterpart"),
                                SqlTime.read(rs, "at"));
                    }
                });
        Map<String, Holdings> holdings = new HashMap<>();
        read.forEach((hash, h) -> holdings.put(hash, h.build()));
        return holdings;
    }

    /**
     * The best active one-to-one number for a real number that holds {@code holdings}, in a new
     * session with the real number whose hash is {@code counterpartHash}: one it does not hold in
     * any open session and has not released with someone else since {@code coolingSince} (any such
     * number keeps the routing invariant for this party). Preferred, in order: a number of
     * {@code preferredCarrier} (null: none preferred), the number it had with this counterpart last
     * time (stickiness), one of its {@code region}; among equals a random one, so that concurrent
     * requests for one busy party rarely collide. Chosen from the copy in memory; the routes
     * table's primary key has the last word.
     */
    Optional<PhoneNumber> bestFreeFor(Holdings holdings, String counterpartHash, String region, Instant coolingSince,
            String preferredCarrier) {
        String sticky = holdings.lastWith(counterpartHash);
        PoolNumber best = null;
        int bestRank = Integer.MAX_VALUE;
        int ties = 0;
        for (PoolNumber n : numbers().pool()) {
            String number = n.number().e164();
            if (holdings.holds(number) || holdings.cooling(number, counterpartHash, coolingSince)) {
                continue;
            }
            int rank = (Objects.equals(n.carrier(), preferredCarrier) ? 0 : 4) + (number.equals(sticky) ? 0 : 2)
                    + (Objects.equals(n.region(), region) ? 0 : 1);
            if (rank < bestRank) {
                best = n;
                bestRank = rank;
                ties = 1;
            } else if (rank == bestRank && ThreadLocalRandom.current().nextInt(++ties) == 0) {
                best = n; // each of the equally good numbers is kept with the same chance
            }
        }
        return Optional.ofNullable(best).map(PoolNumber::number);
    }

    /**
     * A hub number for a party of this region: the preferred carrier's (null: any) first, then the
     * region's own, else any (the lowest number among equals).
     */
    Optional<PhoneNumber> hubFor(String region, String preferredCarrier) {
        return numbers().hubs().stream()
                .min(Comparator.comparingInt((PoolNumber n) -> Objects.equals(n.carrier(), preferredCarrier) ? 0 : 1)
                        .thenComparingInt(n -> Objects.equals(n.region(), region) ? 0 : 1))
                .map(PoolNumber::number);
    }

    /** How many active one-to-one numbers the pool has. */
    int size() {
        return numbers().pool().size();
    }
}
