package io.callmask.core.privacy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Re-seals every stored number that is not under the active key, table by table in batches of
 * rows read in key order. Each row is replaced only if it still holds the value that was read, so
 * a concurrent write by a serving instance (already under the active key) wins. Idempotent: a
 * second run finds nothing to do.
 */
@Service
public class KeyRotation {

    /** A column holding sealed numbers, with the primary key to page and update by. */
    record SealedColumn(String table, String column, List<String> key) {
        String label() {
            return table + "." + column;
        }
    }

    static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("retailers", "phone_sealed", List.of("id")),
            new SealedColumn("orders", "customer_phone_sealed", List.of("id")),
            new SealedColumn("parties", "real_number_sealed", List.of("session_id", "position")));

    /** What one column's pass did. */
    public record Count(String column, int resealed, int current) {}

    private final JdbcClient jdbc;
    private final NumberVault vault;

    KeyRotation(JdbcClient jdbc, NumberVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    public String activeKeyId() {
        return vault.activeKeyId();
    }

    /** Moves every sealed number to the active key; one count per column. */
    public List<Count> rotate(int batchSize) {
        List<Count> counts = new ArrayList<>();
        for (SealedColumn c : COLUMNS) {
            counts.add(rotate(c, batchSize));
        }
        return counts;
    }

    private Count rotate(SealedColumn c, int batchSize) {
        int resealed = 0;
        int current = 0;
        List<Object> after = null;
        while (true) {
            List<Row> rows = page(c, after, batchSize);
            for (Row row : rows) {
                if (!vault.needsRotation(row.sealed())) {
                    current++;
                    continue;
                }
                String fresh = vault.seal(vault.open(row.sealed()));
                List<Object> params = new ArrayList<>();
                params.add(fresh);
                params.addAll(row.key());
                params.add(row.sealed());
                resealed += jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where "
                        + String.join(" and ", c.key().stream().map(k -> k + " = ?").toList())
                        + " and " + c.column() + " = ?").params(params).update();
            }
            if (rows.size() < batchSize) {
                return new Count(c.label(), resealed, current);
            }
            after = rows.get(rows.size() - 1).key();
        }
    }

    /** The next rows after {@code after} in primary-key order (keyset paging: no offsets, no skips). */
    private List<Row> page(SealedColumn c, List<Object> after, int batchSize) {
        String keys = String.join(", ", c.key());
        String where = c.column() + " is not null";
        List<Object> params = new ArrayList<>();
        if (after != null) {
            where += c.key().size() == 1 ? " and " + c.key().get(0) + " > ?"
                    : " and (" + c.key().get(0) + " > ? or (" + c.key().get(0) + " = ? and " + c.key().get(1) + " > ?))";
            params.add(after.get(0));
            if (c.key().size() == 2) {
                params.add(after.get(0));
                params.add(after.get(1));
            }
        }
        params.add(batchSize);
        return jdbc.sql("select " + keys + ", " + c.column() + " from " + c.table() + " where " + where
                        + " order by " + keys + " limit ?")
                .params(params)
                .query((rs, n) -> {
                    List<Object> key = new ArrayList<>();
                    for (int i = 1; i <= c.key().size(); i++) {
                        key.add(rs.getObject(i));
                    }
                    return new Row(key, rs.getString(c.key().size() + 1));
                })
                .list();
    }

    private record Row(List<Object> key, String sealed) {}
}
