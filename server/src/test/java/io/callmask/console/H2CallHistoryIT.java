package io.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.storage.SqlTime;
import io.callmask.support.App;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CSV export walks the history 500 calls at a time by (time, id); with 1 234 calls, many of them
 * created at the same instant, every call comes out exactly once, newest first.
 */
class H2CallHistoryIT {

    @Test
    void theExportWalksEveryCallOnceAcrossChunksEvenWhenTimesAreEqual() {
        try (App app = App.start(null, "--callmask.data-dir=./target/it-data/history-" + UUID.randomUUID())) {
            JdbcClient jdbc = app.jdbc();
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            jdbc.sql("""
                    insert into sessions (id, reference, status, created_at, expires_at)
                    values ('ses_h', 'o-history', 'closed', ?, ?)""")
                    .params(SqlTime.of(base), SqlTime.of(base.plusSeconds(60))).update();
            jdbc.sql("""
                    insert into parties (session_id, position, role, external_id, real_number_hash, masked_number)
                    values ('ses_h', 0, 'retailer', 'r-history', 'h0', '+918047180001'),
                           ('ses_h', 1, 'customer', 'c-history', 'h1', '+918047180002')""").update();
            int calls = 1234;
            for (int i = 0; i < calls; i++) {
                // groups of 7 calls share one instant, so chunk boundaries fall inside groups
                jdbc.sql("""
                        insert into calls (id, session_id, direction, caller_position, carrier, created_at)
                        values (?, 'ses_h', 'click-to-call', 0, 'twilio', ?)""")
                        .params("call_%05d".formatted(i), SqlTime.of(base.minusSeconds(i / 7))).update();
            }
            List<CallRow> rows = new ArrayList<>();
            app.bean(CallHistory.class).forEach(CallFilter.parse("r-history", null, null, null, null, null),
                    CallsController.CSV_MAX_ROWS, rows::add);
            assertThat(rows).hasSize(calls);
            assertThat(new HashSet<>(rows.stream().map(CallRow::id).toList())).hasSize(calls);
            for (int i = 1; i < rows.size(); i++) {
                CallRow newer = rows.get(i - 1);
                CallRow older = rows.get(i);
                assertThat(newer.createdAt().isAfter(older.createdAt())
                        || (newer.createdAt().equals(older.createdAt()) && newer.id().compareTo(older.id()) > 0))
                        .as("row %d", i).isTrue();
            }
            assertThat(rows.get(0).caller().redacted()).isEqualTo("purged");
            List<CallRow> capped = new ArrayList<>();
            app.bean(CallHistory.class).forEach(CallFilter.NONE, 501, capped::add);
            assertThat(capped).hasSize(501);
        }
    }
}
