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
        return jdbc.sql("select id, name, phone, calls_per_hour, updated_at from retailers where id = ?")
                .param(id)
                .query((rs, n) -> new Retailer(rs.getString("id"), rs.getString("name"),
                        PhoneNumber.ofE164(rs.getString("phone")), (Integer) rs.getObject("calls_per_hour", Integer.class),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces; returns true when the retailer is new. */
    boolean save(String id, String name, PhoneNumber phone, Integer callsPerHour, Instant now) {
        int updated = jdbc.sql("update retailers set name = ?, phone = ?, calls_per_hour = ?, updated_at = ? where id = ?")
                .params(name, phone.e164(), callsPerHour, SqlTime.of(now), id)
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("insert into retailers (id, name, phone, calls_per_hour, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, name, phone.e164(), callsPerHour, SqlTime.of(now), SqlTime.of(now))
                .update();
        return true;
    }
}
