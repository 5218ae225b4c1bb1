package io.callmask.core.directory;

import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders table; the customer's phone is stored sealed, with its keyed hash for lookups. */
@Repository
public class Orders {

    private final JdbcClient jdbc;
    private final NumberVault vault;
    private final NumberHashes hashes;

    Orders(JdbcClient jdbc, NumberVault vault, NumberHashes hashes) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.hashes = hashes;
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("""
                        select id, retailer_id, customer_id, customer_phone_sealed, status, updated_at
                        from orders where id = ?""")
                .param(id)
                .query((rs, n) -> new Order(rs.getString("id"), rs.getString("retailer_id"),
                        rs.getString("customer_id"), vault.open(rs.getString("customer_phone_sealed")),
                        OrderStatus.fromWire(rs.getString("status")).orElseThrow(),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces; returns true when the order is new. */
    /** Retention: forgets the sealed customer phone of an order that is still closed. */
    public int forgetCustomerPhone(String id) {
        return jdbc.sql("update orders set customer_phone_sealed = null where id = :id and status in (:closed)")
                .param("id", id).param("closed", OrderStatus.closedWire()).update();
    }

    boolean save(Order order, Instant now) {
        int updated = jdbc.sql("""
                        update orders set retailer_id = ?, customer_id = ?, customer_phone_sealed = ?,
                        customer_phone_hash = ?, status = ?, updated_at = ? where id = ?""")
                .params(order.retailerId(), order.customerId(), vault.seal(order.customerPhone()),
                        hashes.of(order.customerPhone()),
                        order.status().wire(), SqlTime.of(now), order.id())
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("""
                        insert into orders (id, retailer_id, customer_id, customer_phone_sealed, customer_phone_hash,
                                            status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.retailerId(), order.customerId(), vault.seal(order.customerPhone()),
                        hashes.of(order.customerPhone()),
                        order.status().wire(), SqlTime.of(now), SqlTime.of(now))
                .update();
        return true;
    }
}
