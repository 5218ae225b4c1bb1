package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The pool_numbers table. Who owns each number is also kept in memory, read again every
 * {@value #OWNERS_REFRESH_SECONDS} s off the request path: every dial-in asks it, and a number
 * changes owner only when an instance starts with new configuration, so another instance's change
 * is seen here within that time. A number not in the copy is looked up in the table, and kept.
 */
@Repository
public class Pool {

    static final int OWNERS_REFRESH_SECONDS = 10;

    private final JdbcClient jdbc;
    private final NumberHashes hashes;
    /** Number (E.164) to carrier, as last read; empty until the first read and after a change here. */
    private volatile Map<String, String> owners = Map.of();
    /** Counts changes made here, so that a read which overlapped one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    Pool(JdbcClient jdbc, NumberHashes hashes) {
        this.jdbc = jdbc;
        this.hashes = hashes;
    }

    /** Adds a number if it is not there yet; returns true when added. */
    boolean addIfAbsent(PhoneNumber number, PoolNumber.Kind kind, String carrier, String region, Instant now) {
        try {
            return insertIfAbsent(number, kind, carrier, region, now);
        } catch (DuplicateKeyException anotherInstanceSeededIt) {
            return false;
        } finally {
            forgetOwners(); // after the write: a lookup that overlapped it is not kept
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
            forgetOwners();
        }
    }

    /** The carrier that owns one of our numbers; empty when the number is not ours. */
    public Optional<String> carrierOf(PhoneNumber number) {
        String owner = owners.get(number.e164());
        if (owner != null) {
            return Optional.of(owner);
        }
        long before = changes.get();
        Optional<String> read = jdbc.sql("select carrier from pool_numbers where number = ?")
                .param(number.e164()).query(String.class).optional();
        read.ifPresent(carrier -> remember(before, number.e164(), carrier));
        return read;
    }

    private synchronized void remember(long changesBefore, String number, String carrier) {
        if (changes.get() == changesBefore) {
            Map<String, String> more = new HashMap<>(owners);
            more.put(number, carrier);
            owners = Map.copyOf(more);
        }
    }

    @Scheduled(initialDelay = 0, fixedDelay = OWNERS_REFRESH_SECONDS, timeUnit = TimeUnit.SECONDS)
    void readOwners() {
        long before = changes.get();
        Map<String, String> read = new HashMap<>();
        jdbc.sql("select number, carrier from pool_numbers")
                .query((ResultSet rs) -> {
                    read.put(rs.getString(1), rs.getString(2));
                });
        synchronized (this) {
            if (changes.get() == before) {
                owners = Map.copyOf(read);
            }
        }
    }

    private synchronized void forgetOwners() {
        changes.incrementAndGet();
        owners = Map.of();
    }

    private boolean insertIfAbsent(PhoneNumber number, PoolNumber.Kind kind, String carrier, String region,
            Instant now) {
        return jdbc.sql("""
                        insert into pool_numbers (number, kind, carrier, region, state, created_at)
                        select ?, ?, ?, ?, 'active', ? where not exists (select 1 from pool_numbers where number = ?)""")
                .params(number.e164(), kind.name().toLowerCase(), carrier, region, SqlTime.of(now), number.e164())
                .update() == 1;
    }

    public boolean contains(PhoneNumber number) {
        return jdbc.sql("select count(*) from pool_numbers where number = ?")
                .param(number.e164()).query(Integer.class).single() > 0;
    }

    public List<PoolNumber> all() {
        return jdbc.sql("select number, carrier, region, state, kind from pool_numbers order by number")
                .query((rs, n) -> new PoolNumber(PhoneNumber.ofE164(rs.getString("number")), rs.getString("carrier"),
                        rs.getString("region"), PoolNumber.State.valueOf(rs.getString("state").toUpperCase()),
                        PoolNumber.Kind.valueOf(rs.getString("kind").toUpperCase())))
                .list();
    }

    /**
     * The best active one-to-one number for this real number in a new session with
     * {@code counterpart}: one it does not hold in any open session and has not released with
     * someone else since {@code coolingSince} (any such number keeps the routing invariant for this
     * party). Preferred, in order: a number of {@code preferredCarrier} (null: none preferred), the
     * number it had with this counterpart last time (stickiness), one of its {@code region}; among
     * equals a random one, so that concurrent requests for one busy party rarely collide. One row,
     * however large the pool.
     */
    Optional<Candidate> bestFreeFor(PhoneNumber real, PhoneNumber counterpart, String region, Instant coolingSince,
            String preferredCarrier) {
        String hash = hashes.of(real);
        String counterpartHash = hashes.of(counterpart);
        return jdbc.sql("""
                        select p.number, p.region, p.carrier from pool_numbers p
                        where p.state = 'active' and p.kind = 'pool'
                          and not exists (select 1 from routes r
                                          where r.real_number_hash = ? and r.masked_number = p.number)
                          and not exists (select 1 from released_pairs x
                                          where x.real_number_hash = ? and x.masked_number = p.number
                                            and x.released_at > ? and x.counterpart_hash <> ?)
                        order by case when p.carrier = ? then 0 else 1 end,
                                 case when p.number = (select l.masked_number from released_pairs l
                                                       where l.real_number_hash = ? and l.counterpart_hash = ?
                                                       order by l.released_at desc limit 1) then 0 else 1 end,
                                 case when p.region = ? then 0 else 1 end,
                                 random()
                        limit 1""")
                .params(hash, hash, SqlTime.of(coolingSince), counterpartHash, preferredCarrier, hash, counterpartHash,
                        region)
                .query((rs, n) -> new Candidate(PhoneNumber.ofE164(rs.getString("number")), rs.getString("region"),
                        rs.getString("carrier")))
                .optional();
    }

    /**
     * A hub number for a party of this region: the preferred carrier's (null: any) first, then the
     * region's own, else any.
     */
    Optional<PhoneNumber> hubFor(String region, String preferredCarrier) {
        return jdbc.sql("""
                        select number from pool_numbers where state = 'active' and kind = 'hub'
                        order by case when carrier = ? then 0 else 1 end, case when region = ? then 0 else 1 end, number""")
                .params(preferredCarrier, region)
                .query((rs, n) -> PhoneNumber.ofE164(rs.getString(1)))
                .stream().findFirst();
    }

    /** How many active one-to-one numbers the pool has. */
    int size() {
        return jdbc.sql("select count(*) from pool_numbers where state = 'active' and kind = 'pool'")
                .query(Integer.class).single();
    }

    record Candidate(PhoneNumber number, String region, String carrier) {}
}
