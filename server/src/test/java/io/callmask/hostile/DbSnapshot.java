package io.callmask.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every application table's rows, read through the application's own DataSource, so a hostile
 * request can be shown to have changed nothing. Rows are kept as sorted strings: the tables of a
 * test database are small, and a diff says which table moved. Only Flyway's own history is left
 * out; append-only logs are compared like any other table, and the one exception the suite allows
 * (a turned-away dial-in's {@code dial-in.rejected} event) is judged by {@link #diff}.
 */
final class DbSnapshot {

    private static final Set<String> SKIPPED = Set.of("flyway_schema_history");

    final Map<String, List<String>> tables;

    private DbSnapshot(Map<String, List<String>> tables) {
        this.tables = tables;
    }

    static List<String> tableNames(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String schema = c.getSchema();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT))) {
                        names.add(name);
                    }
                }
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static DbSnapshot take(DataSource dataSource, List<String> tableNames) {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            for (String table : tableNames) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select * from " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=')
                                    .append(rs.getString(i)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table.toLowerCase(Locale.ROOT), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DbSnapshot(tables);
    }

    long rowCount() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    /**
     * The tables whose rows differ, leaving out events the case may record. Null when nothing
     * changed but allowed events.
     */
    static Map<String, String> diff(DbSnapshot before, DbSnapshot after, Set<String> allowedEventTypes) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (var e : after.tables.entrySet()) {
            List<String> old = before.tables.getOrDefault(e.getKey(), List.of());
            if (old.equals(e.getValue())) {
                continue;
            }
            List<String> added = new ArrayList<>(e.getValue());
            added.removeAll(old);
            List<String> removed = new ArrayList<>(old);
            removed.removeAll(e.getValue());
            if (e.getKey().equals("events") && removed.isEmpty() && !allowedEventTypes.isEmpty()
                    && added.stream().allMatch(row -> allowedEventTypes.stream()
                            .anyMatch(t -> row.contains("type=" + t + '\u0001')))) {
                continue;
            }
            changed.put(e.getKey(), "+" + added.size() + " -" + removed.size() + " rows");
        }
        return changed;
    }
}
