package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pool_numbers table. */
@Repository
public class Pool {

    private final JdbcClient jdbc;
    private final NumberHashes hashes;

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
        }
    }

    /**
     * Gives a number to another carrier (configuration says who owns it). Calls already made keep
     * the carrier that made them; only new calls on this number go through the new owner.
     */
    boolean reassign(PhoneNumber number, String carrier) {
        return jdbc.sql("update pool_numbers set carrier = ? where number = ? and carrier <> ?")
                .params(carrier, number.e164(), carrier).update() == 1;
    }

    /** The carrier that owns one of our numbers; empty when the number is not ours. */
    public Optional<String> carrierOf(PhoneNumber number) {
        return jdbc.sql("select carrier from pool_numbers where number = ?")
                .param(number.e164()).query(String.class).optional();
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
     * Active one-to-one numbers this real number does not hold in any open session and has not
     * released with someone else since {@code coolingSince}; those of its region first. Any of them
     * keeps the routing invariant for this party.
     */
    List<Candidate> freeFor(PhoneNumber real, PhoneNumber counterpart, String region, Instant coolingSince) {
        return jdbc.sql("""
                        select p.number, p.region, p.carrier from pool_numbers p
                        where p.state = 'active' and p.kind = 'pool'
                          and not exists (select 1 from routes r
                                          where r.real_number_hash = ? and r.masked_number = p.number)
                          and not exists (select 1 from released_pairs x
                                          where x.real_number_hash = ? and x.masked_number = p.number
                                            and x.released_at > ? and x.counterpart_hash <> ?)
                        order by case when p.region = ? then 0 else 1 end, p.number""")
                .params(hashes.of(real), hashes.of(real), SqlTime.of(coolingSince), hashes.of(counterpart), region)
                .query((rs, n) -> new Candidate(PhoneNumber.ofE164(rs.getString("number")), rs.getString("region"),
                        rs.getString("carrier")))
                .list();
    }

    /**
     * The masked number this real number had with that counterpart in their latest session, if any:
     * giving it again keeps one stable number on the customer's phone for a retailer.
     */
    Optional<PhoneNumber> lastMaskedBetween(PhoneNumber real, PhoneNumber counterpart) {
        return jdbc.sql("""
                        select masked_number from released_pairs where real_number_hash = ? and counterpart_hash = ?
                        order by released_at desc limit 1""")
                .params(hashes.of(real), hashes.of(counterpart))
                .query((rs, n) -> PhoneNumber.ofE164(rs.getString(1)))
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
