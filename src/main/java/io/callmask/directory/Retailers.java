package io.callmask.directory;

import io.callmask.number.PhoneNumber;
import io.callmask.storage.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retailers table. */
@Repository
public class Retailers {

    private final JdbcClient jdbc;

    Retailers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Retailer> find(String id) {
        return jdbc.sql("select id, name, phone, updated_at from retailers where id = ?")
                .param(id)
                .query((rs, n) -> new Retailer(rs.getString("id"), rs.getString("name"),
                        PhoneNumber.ofE164(rs.getString("phone")), SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces; returns true when the retailer is new. */
    boolean save(String id, String name, PhoneNumber phone, Instant now) {
        int updated = jdbc.sql("update retailers set name = ?, phone = ?, updated_at = ? where id = ?")
                .params(name, phone.e164(), SqlTime.of(now), id)
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("insert into retailers (id, name, phone, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(id, name, phone.e164(), SqlTime.of(now), SqlTime.of(now))
                .update();
        return true;
    }
}
