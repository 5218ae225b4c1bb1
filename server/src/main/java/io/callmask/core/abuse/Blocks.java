package io.callmask.core.abuse;

import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retailer_blocks table, shared by every instance: one row per retailer, extended by later hits. */
@Repository
public class Blocks {

    private final JdbcClient jdbc;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks the retailer until {@code until}, or leaves a longer block as it is. */
    void extend(String retailerId, Instant until, Rule rule, long alertId, Instant now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.sql("select count(*) from retailer_blocks where retailer_id = ?").param(retailerId)
                    .query(Integer.class).single() > 0) {
                jdbc.sql("""
                                update retailer_blocks set blocked_until = ?, rule = ?, alert_id = ?, updated_at = ?
                                where retailer_id = ? and blocked_until < ?""")
                        .params(SqlTime.of(until), rule.wire(), alertId, SqlTime.of(now), retailerId, SqlTime.of(until))
                        .update();
                return;
            }
            try {
                jdbc.sql("""
                                insert into retailer_blocks (retailer_id, blocked_until, rule, alert_id, updated_at)
                                values (?, ?, ?, ?, ?)""")
                        .params(retailerId, SqlTime.of(until), rule.wire(), alertId, SqlTime.of(now))
                        .update();
                return;
            } catch (DuplicateKeyException concurrentBlock) {
                // another instance blocked the retailer at the same moment: extend its row instead
            }
        }
    }

    /** The retailer's block while it lasts. */
    public Optional<Block> active(String retailerId, Instant now) {
        return jdbc.sql("""
                        select retailer_id, blocked_until, rule, alert_id from retailer_blocks
                        where retailer_id = ? and blocked_until > ?""")
                .params(retailerId, SqlTime.of(now))
                .query((rs, n) -> new Block(rs.getString("retailer_id"), SqlTime.read(rs, "blocked_until"),
                        rs.getString("rule"), rs.getLong("alert_id")))
                .optional();
    }

    /** Every block still in force, the longest-lasting first. */
    List<Block> allActive(Instant now, int limit) {
        return jdbc.sql("""
                        select retailer_id, blocked_until, rule, alert_id from retailer_blocks
                        where blocked_until > ? order by blocked_until desc, retailer_id limit ?""")
                .params(SqlTime.of(now), limit)
                .query((rs, n) -> new Block(rs.getString("retailer_id"), SqlTime.read(rs, "blocked_until"),
                        rs.getString("rule"), rs.getLong("alert_id")))
                .list();
    }

    /** Lifts the block; false when there was none. */
    boolean remove(String retailerId) {
        return jdbc.sql("delete from retailer_blocks where retailer_id = ?").param(retailerId).update() > 0;
    }
}
