package io.callmask.core.directory;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberVault;
import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retailers table; the phone is stored sealed. */
@Repository
public class Retailers {

    private final JdbcClient jdbc;
    private final NumberVault vault;

    Retailers(JdbcClient jdbc, NumberVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    public Optional<Retailer> find(String id) {
        return jdbc.sql("select id, name, phone_sealed, calls_per_hour, updated_at from retailers where id = ?")
                .param(id)
                .query((rs, n) -> new Retailer(rs.getString("id"), rs.getString("name"),
                        vault.open(rs.getString("phone_sealed")), (Integer) rs.getObject("calls_per_hour", Integer.class),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces; returns true when the retailer is new. */
    boolean save(String id, String name, PhoneNumber phone, Integer callsPerHour, Instant now) {
        int updated = jdbc.sql("update retailers set name = ?, phone_sealed = ?, calls_per_hour = ?, updated_at = ? where id = ?")
                .params(name, vault.seal(phone), callsPerHour, SqlTime.of(now), id)
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("insert into retailers (id, name, phone_sealed, calls_per_hour, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, name, vault.seal(phone), callsPerHour, SqlTime.of(now), SqlTime.of(now))
                .update();
        return true;
    }
}
