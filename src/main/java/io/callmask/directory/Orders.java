package io.callmask.directory;

import io.callmask.number.PhoneNumber;
import io.callmask.storage.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders table. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("""
                        select id, retailer_id, customer_id, customer_phone, status, updated_at
                        from orders where id = ?""")
                .param(id)
                .query((rs, n) -> new Order(rs.getString("id"), rs.getString("retailer_id"),
                        rs.getString("customer_id"), PhoneNumber.ofE164(rs.getString("customer_phone")),
                        OrderStatus.fromWire(rs.getString("status")).orElseThrow(),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces; returns true when the order is new. */
    boolean save(Order order, Instant now) {
        int updated = jdbc.sql("""
                        update orders set retailer_id = ?, customer_id = ?, customer_phone = ?, status = ?,
                        updated_at = ? where id = ?""")
                .params(order.retailerId(), order.customerId(), order.customerPhone().e164(),
                        order.status().wire(), SqlTime.of(now), order.id())
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("""
                        insert into orders (id, retailer_id, customer_id, customer_phone, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.retailerId(), order.customerId(), order.customerPhone().e164(),
                        order.status().wire(), SqlTime.of(now), SqlTime.of(now))
                .update();
        return true;
    }
}
